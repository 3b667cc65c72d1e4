package dev.gputel.benchmarks.pipeline;

import com.typesafe.config.Config;
import dev.gputel.spi.component.AbstractComponentFactory;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.Host;
import dev.gputel.spi.component.Stability;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.Signal;
import dev.gputel.spi.exporter.Exporter;
import dev.gputel.spi.exporter.ExporterFactory;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Creates {@code bench-count} exporters: they count what the runtime's workers hand them and send
 * nothing. A started exporter publishes its counts under its instance id.
 */
final class CountingExporterFactory extends AbstractComponentFactory implements ExporterFactory {
  static final String TYPE = "bench-count";
  private static final Map<String, Counts> RUNNING = new ConcurrentHashMap<>();

  CountingExporterFactory() {
    super(TYPE, Stability.DEVELOPMENT, Set.of(Signal.METRICS), "");
  }

  /** What one exporter instance was handed. */
  static final class Counts {
    final LongAdder batches = new LongAdder();
    final LongAdder points = new LongAdder();
  }

  /** Returns the counts of a started exporter. */
  static Counts counts(String instanceId) {
    Counts counts = RUNNING.get(instanceId);
    if (counts == null) {
      throw new IllegalStateException("exporter " + instanceId + " is not running");
    }
    return counts;
  }

  @Override
  public Exporter create(ComponentSettings settings, Config config) {
    String id = settings.id().toString();
    Counts counts = new Counts();
    return new Exporter() {
      @Override
      public void start(Host host) {
        RUNNING.put(id, counts);
      }

      @Override
      public void exportMetrics(MetricBatch batch) {
        counts.points.add(batch.size());
        counts.batches.increment();
      }

      @Override
      public void shutdown() {
        RUNNING.remove(id, counts);
      }
    };
  }
}
