package dev.gputel.benchmarks.pipeline;

import com.typesafe.config.Config;
import dev.gputel.spi.component.AbstractComponentFactory;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.Stability;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.spi.data.Signal;
import dev.gputel.spi.processor.Processor;
import dev.gputel.spi.processor.ProcessorFactory;
import java.util.Set;
import java.util.function.Predicate;

/** Creates {@code bench-filter} processors: they drop points whose metric name is excluded. */
final class MetricFilterProcessorFactory extends AbstractComponentFactory implements ProcessorFactory {
  static final String TYPE = "bench-filter";

  MetricFilterProcessorFactory() {
    super(TYPE, Stability.DEVELOPMENT, Set.of(Signal.METRICS), "");
  }

  @Override
  public Processor create(ComponentSettings settings, Config config) {
    Set<String> excluded = Set.copyOf(config.getStringList("exclude"));
    Predicate<MetricPoint> keep = point -> !excluded.contains(point.name());
    return new Processor() {
      @Override
      public MetricBatch processMetrics(MetricBatch batch) {
        return Points.retain(batch, keep);
      }
    };
  }
}
