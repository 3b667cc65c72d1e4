package dev.gputel.exporter.otlp;

import dev.gputel.gpu.GpuMetric;
import dev.gputel.spi.data.Resource;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import java.util.EnumMap;
import java.util.Map;

/**
 * OpenTelemetry hardware semantic conventions: the catalog's semconv name and attributes where it
 * has one (with {@code hw.type=gpu} where the convention requires it), {@code nvidia.gpu.<id>}
 * otherwise, values scaled to the base unit. Point attributes pass as they are: receivers already
 * use the convention's keys ({@code hw.id} = UUID, {@code hw.model}...).
 */
final class SemconvNaming implements MetricNaming {
  static final AttributeKey<String> HW_TYPE = AttributeKey.stringKey("hw.type");

  private final Map<GpuMetric, Target> targets = new EnumMap<>(GpuMetric.class);

  SemconvNaming() {
    for (GpuMetric metric : GpuMetric.values()) {
      targets.put(metric, targetOf(metric));
    }
  }

  private static Target targetOf(GpuMetric metric) {
    double scale = metric.unit().toBase();
    if (!metric.isSemconv()) {
      Shape shape = metric.kind() == dev.gputel.spi.data.MetricKind.COUNTER ? Shape.COUNTER : Shape.GAUGE;
      return new Target(WireMetric.doubles(metric.otelName(), metric.description(), metric.unit().base(), shape),
          scale, Attributes.empty());
    }
    SemconvMetric semconv = SemconvMetric.byName(metric.otelName()).orElseThrow(() ->
        new IllegalStateException("catalog metric " + metric.id() + " names semconv metric "
            + metric.otelName() + ", which this exporter does not know"));
    Attributes extra = OtelAttributes.parse(metric.otelAttributes());
    if (semconv.requiresHwType() && extra.get(HW_TYPE) == null) {
      extra = extra.toBuilder().put(HW_TYPE, "gpu").build();
    }
    return new Target(semconv.wire(), scale, extra);
  }

  @Override
  public Target target(GpuMetric metric) {
    return targets.get(metric);
  }

  @Override
  public Attributes attributes(dev.gputel.spi.data.Attributes point, Resource resource) {
    return OtelAttributes.of(point);
  }

  @Override
  public boolean derives() {
    return true;
  }
}
