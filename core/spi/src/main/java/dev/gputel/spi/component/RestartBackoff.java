package dev.gputel.spi.component;

import java.time.Duration;

/**
 * The wait before a component tries a failed source again (a library to load, a process to start,
 * a driver to reach): {@code initial}, doubling after every failure up to {@code max}, and back to
 * {@code initial} after a success. Without jitter: one agent per host, so there is no herd to
 * spread out. Not thread-safe; each retry loop owns one.
 */
public final class RestartBackoff {
  private final Duration initial;
  private final Duration max;
  private Duration next;

  public RestartBackoff(Duration initial, Duration max) {
    this.initial = initial;
    this.max = max;
    this.next = initial;
  }

  /** Returns the wait before the next attempt, and doubles the one after. */
  public Duration next() {
    Duration delay = next;
    next = delay.compareTo(max.dividedBy(2)) >= 0 ? max : delay.multipliedBy(2);
    return delay.compareTo(max) > 0 ? max : delay;
  }

  /** Starts over at the initial wait, after a success. */
  public void reset() {
    next = initial;
  }
}
