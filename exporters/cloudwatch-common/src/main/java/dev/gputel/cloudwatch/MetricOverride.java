package dev.gputel.cloudwatch;

import static dev.gputel.cloudwatch.ConfigChecks.bad;

import com.typesafe.config.Config;
import dev.gputel.gpu.GpuMetric;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The name and unit one metric is published with instead of its own, like the CloudWatch agent's
 * measurement objects {@code {"name": ..., "rename": ..., "unit": ...}}.
 */
public record MetricOverride(Optional<String> rename, Optional<String> unit) {

  /**
   * Reads {@code metric-overrides}: point names (catalog ids, with or without the nvidia_smi_
   * prefix) to {@code {rename, unit}}. Returns them keyed by point name.
   */
  static Map<String, MetricOverride> read(Config config) {
    Map<String, MetricOverride> overrides = new LinkedHashMap<>();
    Config block = config.getConfig("metric-overrides");
    for (String key : block.root().keySet()) {
      String path = "metric-overrides." + key;
      Config entry = config.getConfig(path);
      for (String field : entry.root().keySet()) {
        if (!field.equals("rename") && !field.equals("unit")) {
          throw bad(config, path + "." + field, "unknown key; a metric override has rename and unit");
        }
      }
      Optional<String> rename = entry.hasPath("rename") ? Optional.of(entry.getString("rename")) : Optional.empty();
      Optional<String> unit = entry.hasPath("unit") ? Optional.of(entry.getString("unit")) : Optional.empty();
      if (rename.isPresent() && (rename.get().isEmpty() || rename.get().length() > 255)) {
        throw bad(config, path + ".rename", "a metric name is 1 to 255 characters");
      }
      if (unit.isPresent() && !CloudWatchUnits.VALID.contains(unit.get())) {
        throw bad(config, path + ".unit", "'" + unit.get() + "' is not a CloudWatch unit (one of "
            + new java.util.TreeSet<>(CloudWatchUnits.VALID) + ")");
      }
      String pointName = GpuMetric.byId(key).map(GpuMetric::id).orElse(key);
      overrides.put(pointName, new MetricOverride(rename, unit));
    }
    return Map.copyOf(overrides);
  }
}
