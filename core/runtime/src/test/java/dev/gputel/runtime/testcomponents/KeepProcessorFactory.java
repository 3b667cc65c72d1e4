package dev.gputel.runtime.testcomponents;

import com.typesafe.config.Config;
import dev.gputel.spi.component.AbstractComponentFactory;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.Host;
import dev.gputel.spi.component.Stability;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.Signal;
import dev.gputel.spi.processor.Processor;
import dev.gputel.spi.processor.ProcessorFactory;
import java.util.Set;

/** Keeps only the metrics named in {@code metrics}, and says so through {@code keepsMetric}. */
public final class KeepProcessorFactory extends AbstractComponentFactory implements ProcessorFactory {
  public KeepProcessorFactory() {
    super("keep", Stability.DEVELOPMENT, Set.of(Signal.METRICS), "");
  }

  @Override
  public Processor create(ComponentSettings settings, Config config) {
    Set<String> kept = Set.copyOf(config.getStringList("metrics"));
    return new Processor() {
      @Override
      public void start(Host host) {}

      @Override
      public MetricBatch processMetrics(MetricBatch batch) {
        return batch.withPoints(batch.points().stream().filter(p -> kept.contains(p.name())).toList());
      }

      @Override
      public boolean keepsMetric(String metricName) {
        return kept.contains(metricName);
      }

      @Override
      public void shutdown() {}
    };
  }
}
