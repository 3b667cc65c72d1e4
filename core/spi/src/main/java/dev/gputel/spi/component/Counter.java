package dev.gputel.spi.component;

/** A monotonically increasing self-telemetry count. */
public interface Counter {
  void add(long amount);

  default void increment() {
    add(1);
  }
}
