package dev.gputel.exporter.otlp;

/** The OTLP data type a metric goes out as, from the semantic convention's instrument. */
enum Shape {
  /** A sampled value (OTLP Gauge). */
  GAUGE,
  /** A cumulative total that only grows (OTLP monotonic cumulative Sum): a counter. */
  COUNTER,
  /** A cumulative value that goes up and down (OTLP non-monotonic cumulative Sum): an UpDownCounter. */
  UP_DOWN_COUNTER
}
