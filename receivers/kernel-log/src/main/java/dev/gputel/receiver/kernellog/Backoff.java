package dev.gputel.receiver.kernellog;

import java.time.Duration;

/** Waits that double from an initial interval up to a maximum, for retrying a refused batch or a failed source. */
final class Backoff {
  private final Duration initial;
  private final Duration max;
  private Duration next;

  Backoff(Duration initial, Duration max) {
    this.initial = initial;
    this.max = max.compareTo(initial) < 0 ? initial : max;
    this.next = initial;
  }

  /** Returns the wait to use now and doubles the following one. */
  Duration next() {
    Duration current = next;
    Duration doubled = next.multipliedBy(2);
    next = doubled.compareTo(max) > 0 ? max : doubled;
    return current;
  }

  /** Starts over at the initial interval, after a success. */
  void reset() {
    next = initial;
  }

  /** Sleeps for {@link #next()}; an interrupt (the receiver stopping) ends the wait early. */
  void pause() throws InterruptedException {
    Thread.sleep(next());
  }
}
