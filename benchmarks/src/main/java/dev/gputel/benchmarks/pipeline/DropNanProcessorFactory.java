package dev.gputel.benchmarks.pipeline;

import com.typesafe.config.Config;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.Stability;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.Signal;
import dev.gputel.spi.processor.Processor;
import dev.gputel.spi.processor.ProcessorFactory;
import java.util.Set;

/** Creates {@code bench-drop-nan} processors: they drop points whose value is NaN. */
final class DropNanProcessorFactory implements ProcessorFactory {
  static final String TYPE = "bench-drop-nan";

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public Stability stability() {
    return Stability.DEVELOPMENT;
  }

  @Override
  public Set<Signal> signals() {
    return Set.of(Signal.METRICS);
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
