package dev.gputel.exporter.otlp;

import dev.gputel.gpu.GpuIdentityField;
import dev.gputel.gpu.GpuMetric;
import dev.gputel.spi.data.Resource;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.common.Attributes;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

/**
 * What the CloudWatch agent's {@code nvidia_gpu} input sends: {@code nvidia_smi_<id>} gauges with
 * nvidia-smi's values, CloudWatch unit names and the agent's dimension names ({@code index},
 * {@code name}, {@code arch}, {@code host}...). For a collector with the awsemf exporter in front of
 * CloudWatch, so that dashboards and alarms on the agent's metrics keep working. Counters go out as
 * gauges too, as the agent publishes them: a cumulative Sum would make awsemf send deltas.
 */
final class CloudWatchAgentNaming implements MetricNaming {
  private static final Map<String, String> DIMENSIONS = new HashMap<>();

  static {
    for (GpuIdentityField field : GpuIdentityField.values()) {
      DIMENSIONS.put(field.attribute(), field.cloudWatchDimension());
    }
  }

  private final Map<GpuMetric, Target> targets = new EnumMap<>(GpuMetric.class);

  CloudWatchAgentNaming() {
    for (GpuMetric metric : GpuMetric.values()) {
      targets.put(metric, new Target(WireMetric.doubles(metric.cloudWatchName(), metric.description(),
          metric.cloudWatchUnit(), Shape.GAUGE), 1, Attributes.empty()));
    }
  }

  @Override
  public Target target(GpuMetric metric) {
    return targets.get(metric);
  }

  @Override
  public Attributes attributes(dev.gputel.spi.data.Attributes point, Resource resource) {
    AttributesBuilder out = Attributes.builder();
    String host = resource.attributes().getString("host.name");
    if (host != null) {
      out.put("host", host);
    }
    OtelAttributes.putAll(out, point, key -> DIMENSIONS.getOrDefault(key, key));
    return out.build();
  }

  @Override
  public boolean derives() {
    return false;
  }
}
