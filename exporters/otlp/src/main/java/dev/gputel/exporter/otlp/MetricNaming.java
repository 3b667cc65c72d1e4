package dev.gputel.exporter.otlp;

import dev.gputel.gpu.GpuMetric;
import dev.gputel.spi.data.Resource;
import io.opentelemetry.api.common.Attributes;

/** Names catalog metrics and their attributes for the wire; one implementation per {@link Naming}. */
interface MetricNaming {
  /** Returns where points of {@code metric}, in the catalog's unit, go. */
  Target target(GpuMetric metric);

  /** Returns a point's attributes as sent, before the target's own are added. */
  Attributes attributes(dev.gputel.spi.data.Attributes point, Resource resource);

  /** Whether to add the semantic-convention metrics derived from others (memory utilization, status). */
  boolean derives();

  static MetricNaming of(Naming naming) {
    return switch (naming) {
      case SEMCONV -> new SemconvNaming();
      case CLOUDWATCH_AGENT -> new CloudWatchAgentNaming();
    };
  }
}
