package dev.gputel.exporter.otlp;

import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.metrics.v1.Metric;
import io.opentelemetry.proto.metrics.v1.NumberDataPoint;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads what an in-test receiver decoded, in the terms the assertions use. */
final class Proto {
  private Proto() {}

  /** Attributes as plain Java values: String, Long, Double, Boolean. */
  static Map<String, Object> attributes(List<KeyValue> attributes) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (KeyValue kv : attributes) {
      out.put(kv.getKey(), value(kv.getValue()));
    }
    return out;
  }

  static Object value(AnyValue value) {
    return switch (value.getValueCase()) {
      case STRING_VALUE -> value.getStringValue();
      case INT_VALUE -> value.getIntValue();
      case DOUBLE_VALUE -> value.getDoubleValue();
      case BOOL_VALUE -> value.getBoolValue();
      default -> value.toString();
    };
  }

  static List<Metric> metrics(ExportMetricsServiceRequest request) {
    return request.getResourceMetricsList().stream()
        .flatMap(r -> r.getScopeMetricsList().stream())
        .flatMap(s -> s.getMetricsList().stream())
        .toList();
  }

  static Metric metric(ExportMetricsServiceRequest request, String name) {
    return metrics(request).stream().filter(m -> m.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no metric " + name + " in " + metrics(request).stream().map(Metric::getName).toList()));
  }

  /** The one point of {@code metric} whose attribute {@code key} is {@code value} (any point when key is null). */
  static NumberDataPoint point(Metric metric, String key, Object value) {
    List<NumberDataPoint> points = metric.hasGauge() ? metric.getGauge().getDataPointsList() : metric.getSum().getDataPointsList();
    return points.stream().filter(p -> key == null || value.equals(attributes(p.getAttributesList()).get(key)))
        .findFirst().orElseThrow(() -> new AssertionError(metric.getName() + " has no point with " + key + "=" + value));
  }
}
