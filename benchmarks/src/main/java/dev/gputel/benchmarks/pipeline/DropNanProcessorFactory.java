package dev.gputel.benchmarks.pipeline;

import com.typesafe.config.Config;
import dev.gputel.spi.component.AbstractComponentFactory;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.Stability;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.Signal;
import dev.gputel.spi.processor.Processor;
import dev.gputel.spi.processor.ProcessorFactory;
import java.util.Set;

/** Creates {@code bench-drop-nan} processors: they drop points whose value is NaN. */
final class DropNanProcessorFactory extends AbstractComponentFactory implements ProcessorFactory {
  static final String TYPE = "bench-drop-nan";

  DropNanProcessorFactory() {
    super(TYPE, Stability.DEVELOPMENT, Set.of(Signal.METRICS), "");
  }

  @Override
  public Processor create(ComponentSettings settings, Config config) {
    return new Processor() {
      @Override
      public MetricBatch processMetrics(MetricBatch batch) {
        return Points.retain(batch, point -> !Double.isNaN(point.value()));
      }
    };
  }
}
