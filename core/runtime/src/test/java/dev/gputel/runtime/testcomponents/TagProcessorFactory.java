package dev.gputel.runtime.testcomponents;

import com.typesafe.config.Config;
import dev.gputel.spi.component.AbstractComponentFactory;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.Host;
import dev.gputel.spi.component.Stability;
import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.Signal;
import dev.gputel.spi.processor.Processor;
import dev.gputel.spi.processor.ProcessorFactory;
import java.util.Set;

/** Adds one resource attribute; drops batches whose first point is named "drop-me". */
public final class TagProcessorFactory extends AbstractComponentFactory implements ProcessorFactory {
  private final LifecycleLog log;

  public TagProcessorFactory(LifecycleLog log) {
    super("tag", Stability.DEVELOPMENT, Set.of(Signal.METRICS, Signal.EVENTS), "");
    this.log = log;
  }

  @Override
  public Processor create(ComponentSettings settings, Config config) {
    Attributes tag = Attributes.of(config.getString("key"), config.getString("value"));
    String id = settings.id().toString();
    return new Processor() {
      @Override
      public void start(Host host) {
        log.add("start processor " + id);
      }

      @Override
      public MetricBatch processMetrics(MetricBatch batch) {
        if (!batch.points().isEmpty() && batch.points().getFirst().name().equals("drop-me")) {
          return batch.withPoints(java.util.List.of());
        }
        return batch.withResource(batch.resource().merge(tag));
      }

      @Override
      public EventBatch processEvents(EventBatch batch) {
        return batch.withResource(batch.resource().merge(tag));
      }

      @Override
      public void shutdown() {
        log.add("shutdown processor " + id);
      }
    };
  }
}
