package dev.gputel.cloudwatch;

import dev.gputel.gpu.GpuMetric;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The name and unit a point is published under: {@code nvidia_smi_<id>} for catalog metrics, as the
 * CloudWatch agent names them, else the point's own name; metric-overrides replace either.
 */
public record PublishedMetric(String name, String unit) {

  /** Resolves each (point name, unit) once; a host has a few dozen, and this runs per point. */
  public static final class Cache {
    private final UnitMode mode;
    private final Map<String, MetricOverride> overrides;
    private final Map<String, Map<String, PublishedMetric>> byName = new ConcurrentHashMap<>();

    public Cache(UnitMode mode, Map<String, MetricOverride> overrides) {
      this.mode = mode;
      this.overrides = Map.copyOf(overrides);
    }

    public PublishedMetric of(String pointName, String ucum) {
      return byName.computeIfAbsent(pointName, name -> new ConcurrentHashMap<>())
          .computeIfAbsent(ucum, unit -> resolve(pointName, unit));
    }

    private PublishedMetric resolve(String pointName, String ucum) {
      GpuMetric metric = GpuMetric.byId(pointName).orElse(null);
      MetricOverride override = overrides.get(pointName);
      String name = metric != null ? metric.cloudWatchName() : pointName;
      String unit = CloudWatchUnits.unit(mode, metric, ucum);
      return override == null ? new PublishedMetric(name, unit)
          : new PublishedMetric(override.rename().orElse(name), override.unit().orElse(unit));
    }
  }
}
