package dev.gputel.benchmarks.pipeline;

import com.typesafe.config.Config;
import dev.gputel.spi.component.AbstractComponentFactory;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.Stability;
import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.Signal;
import dev.gputel.spi.processor.Processor;
import dev.gputel.spi.processor.ProcessorFactory;
import java.util.Set;

/** Creates {@code bench-resource} processors: they add fixed attributes to each batch's resource. */
final class ResourceAttributesProcessorFactory extends AbstractComponentFactory implements ProcessorFactory {
  static final String TYPE = "bench-resource";

  ResourceAttributesProcessorFactory() {
    super(TYPE, Stability.DEVELOPMENT, Set.of(Signal.METRICS), "");
  }

  @Override
  public Processor create(ComponentSettings settings, Config config) {
    Attributes.Builder builder = Attributes.builder();
    config.getObject("attributes").unwrapped().forEach(builder::put);
    Attributes added = builder.build();
    return new Processor() {
      @Override
      public MetricBatch processMetrics(MetricBatch batch) {
        return batch.withResource(batch.resource().merge(added));
      }
    };
  }
}
