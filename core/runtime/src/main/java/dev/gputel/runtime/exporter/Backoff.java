package dev.gputel.runtime.exporter;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential backoff with jitter: the wait before retry {@code n} (from 1) is {@code
 * initial * multiplier^(n-1)}, capped at the maximum, then spread by {@code +/- randomization}.
 */
public final class Backoff {
  private final RetrySettings settings;
  private final DoubleSupplier random;

  /** @param random returns values in [0, 1); injected so tests can pin the jitter */
  public Backoff(RetrySettings settings, DoubleSupplier random) {
    this.settings = settings;
    this.random = random;
  }

  /** Returns the wait before retry number {@code attempt}, counting from 1. */
  public Duration delay(int attempt) {
    double base = settings.initialInterval().toNanos() * Math.pow(settings.multiplier(), attempt - 1);
    double capped = Math.min(base, settings.maxInterval().toNanos());
    double spread = settings.randomization() * capped;
    double jittered = capped - spread + random.getAsDouble() * 2 * spread;
    return Duration.ofNanos(Math.max(0, (long) jittered));
  }
}
