package dev.gputel.processor.xidclassifier;

import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.Host;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.processor.Processor;
import dev.gputel.xid.GpuIdentitySource;
import dev.gputel.xid.XidClassifier;
import java.util.ArrayList;
import java.util.List;

/**
 * Classifies Xid and SXid events: catalog mnemonic, description and actions, severity by policy,
 * the GPU named, bursts grouped per GPU, Xids counted per GPU. Never drops an event: unknown codes
 * pass as unknown, other events unchanged.
 */
final class XidClassifierProcessor implements Processor {
  private final EventEnricher enricher;

  XidClassifierProcessor(XidClassifierConfig config, ComponentSettings settings, GpuIdentitySource gpuIdentities) {
    this.enricher = new EventEnricher(
        XidClassifier.builtIn(config.severityPolicy()),
        new GpuDirectory(config.gpus(), gpuIdentities),
        new FaultHistory(config.burstSilenceGap(), config.fallenOffBusWindow(), config.nvmlDuplicateWindow()),
        new XidCounters(settings.telemetry()));
  }

  @Override
  public void start(Host host) {}

  @Override
  public EventBatch processEvents(EventBatch batch) {
    List<Event> events = new ArrayList<>(batch.size());
    for (Event event : batch.events()) {
      events.add(enricher.enrich(event));
    }
    return new EventBatch(batch.resource(), events);
  }

  @Override
  public void shutdown() {}
}
