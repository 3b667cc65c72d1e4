package dev.gputel.spi.data;

import java.time.Instant;
import java.util.Objects;

/**
 * One measurement: a named value in a unit, at a time, for the entity its attributes name (for a
 * GPU: {@code gpu.index}, {@code hw.id}...).
 *
 * @param name the catalog id ({@code utilization_gpu}) or, for plugins, any snake_case name
 * @param unit a UCUM unit ({@code %}, {@code MiBy}, {@code W}, {@code Cel}, {@code 1})
 */
public record MetricPoint(
    String name, double value, String unit, MetricKind kind, Instant timestamp, Attributes attributes) {

  public MetricPoint {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(unit, "unit");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(attributes, "attributes");
  }

  /** Returns a gauge point. */
  public static MetricPoint gauge(
      String name, double value, String unit, Instant timestamp, Attributes attributes) {
    return new MetricPoint(name, value, unit, MetricKind.GAUGE, timestamp, attributes);
  }
}
