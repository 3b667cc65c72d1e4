package dev.gputel.receiver.nvidiasmi;

import java.time.Duration;

/**
 * Waits between restarts of a failing nvidia-smi: {@code min}, doubling up to {@code max}, and back
 * to {@code min} once a run has delivered a sample. Without jitter: one agent per host runs one
 * nvidia-smi, so there is no herd to spread out.
 */
final class Backoff {
  private final Duration min;
  private final Duration max;
  private Duration next;

  Backoff(Duration min, Duration max) {
    this.min = min;
    this.max = max;
    this.next = min;
  }

  /** Returns the wait before the next attempt and doubles the one after it. */
  Duration next() {
    Duration current = next;
    Duration doubled = next.multipliedBy(2);
    next = doubled.compareTo(max) > 0 ? max : doubled;
    return current;
  }

  /** Starts over at {@code min}, after a run that worked. */
  void reset() {
    next = min;
  }
}
