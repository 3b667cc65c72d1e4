package dev.gputel.spi.data;

/** How a metric's value behaves over time, which decides how exporters type it. */
public enum MetricKind {
  /** A value sampled at a point in time (utilization, temperature, memory used). */
  GAUGE,
  /** A cumulative, monotonically increasing total since some start (energy, ECC errors). */
  COUNTER
}
