package dev.gputel.exporter.cloudwatchemf;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Spaces out connection attempts to an agent that is down: after a failure the next attempt waits
 * {@code initial}, then twice that, up to {@code max}; a success starts over. Without it every
 * retried batch would open a connection at once.
 */
final class ReconnectBackoff {
  private final Clock clock;
  private final Duration initial;
  private final Duration max;
  private Duration current;
  private Instant notBefore = Instant.MIN;

  ReconnectBackoff(Clock clock, Duration initial, Duration max) {
    this.clock = clock;
    this.initial = initial;
    this.max = max;
    this.current = initial;
  }

  /** Returns how long until the next attempt is allowed; zero when it is allowed now. */
  synchronized Duration remaining() {
    Duration left = Duration.between(clock.instant(), notBefore);
    return left.isNegative() ? Duration.ZERO : left;
  }

  synchronized void failed() {
    notBefore = clock.instant().plus(current);
    Duration doubled = current.multipliedBy(2);
    current = doubled.compareTo(max) > 0 ? max : doubled;
  }

  synchronized void succeeded() {
    current = initial;
    notBefore = Instant.MIN;
  }
}
