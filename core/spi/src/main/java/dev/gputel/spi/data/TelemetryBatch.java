package dev.gputel.spi.data;

/** A batch of one signal from one resource; what flows between components. */
public sealed interface TelemetryBatch permits MetricBatch, EventBatch {
  Resource resource();

  Signal signal();

  /** Returns the number of items: points or events. */
  int size();

  default boolean isEmpty() {
    return size() == 0;
  }
}
