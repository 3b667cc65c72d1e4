package dev.gputel.receiver.nvml;

import java.time.Duration;

/** Delays between attempts that double after every failure, up to a maximum; no jitter (one agent per host). */
final class Backoff {
  private final Duration initial;
  private final Duration max;
  private Duration next;

  Backoff(Duration initial, Duration max) {
    this.initial = initial;
    this.max = max;
    this.next = initial;
  }

  /** Returns the delay before the next attempt, and doubles the one after. */
  Duration next() {
    Duration delay = next;
    next = delay.compareTo(max.dividedBy(2)) >= 0 ? max : delay.multipliedBy(2);
    return delay.compareTo(max) > 0 ? max : delay;
  }

  /** Starts over at the initial delay after a success. */
  void reset() {
    next = initial;
  }
}
