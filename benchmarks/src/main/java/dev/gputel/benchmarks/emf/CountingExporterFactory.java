package dev.gputel.benchmarks.emf;

import com.typesafe.config.Config;
import dev.gputel.spi.component.AbstractComponentFactory;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.Stability;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.Signal;
import dev.gputel.spi.exporter.Exporter;
import dev.gputel.spi.exporter.ExporterFactory;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** Creates {@code bench-count} exporters: they count the events and bytes that reach them and send nothing. */
final class CountingExporterFactory extends AbstractComponentFactory implements ExporterFactory {
  static final AtomicLong EVENTS = new AtomicLong();
  static final AtomicLong BATCHES = new AtomicLong();

  CountingExporterFactory() {
    super("bench-count", Stability.DEVELOPMENT, Set.of(Signal.EVENTS), "");
  }

  @Override
  public Exporter create(ComponentSettings settings, Config config) {
    return new Exporter() {
      @Override
      public void exportEvents(EventBatch batch) {
        BATCHES.incrementAndGet();
        EVENTS.addAndGet(batch.size());
      }
    };
  }
}
