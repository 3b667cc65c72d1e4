package dev.gputel.exporter.prometheus;

import dev.gputel.gpu.GpuMetric;
import dev.gputel.spi.data.MetricKind;
import io.prometheus.metrics.model.snapshots.Unit;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code naming = prometheus}: the catalog's {@link GpuMetric#prometheusName()}, values scaled to
 * the base unit, counters as counters.
 */
final class PrometheusNames {
  private PrometheusNames() {}

  static Map<GpuMetric, Family> families() {
    Map<GpuMetric, Family> families = new EnumMap<>(GpuMetric.class);
    for (GpuMetric metric : GpuMetric.values()) {
      families.put(metric, family(metric));
    }
    return families;
  }

  static Family family(GpuMetric metric) {
    String name = metric.prometheusName();
    boolean counter = metric.kind() == MetricKind.COUNTER;
    if (counter) {
      name = name.substring(0, name.length() - "_total".length()); // client_java writes it back.
    }
    String suffix = metric.unit().prometheusSuffix();
    return new Family(name, metric.description() + unitNote(suffix),
        counter ? Family.Type.COUNTER : Family.Type.GAUGE,
        suffix.isEmpty() ? null : new Unit(suffix), metric.unit().toBase());
  }

  private static String unitNote(String suffix) {
    return switch (suffix) {
      case "ratio" -> " (0-1 ratio)";
      case "" -> "";
      default -> " (" + suffix + ")";
    };
  }
}
