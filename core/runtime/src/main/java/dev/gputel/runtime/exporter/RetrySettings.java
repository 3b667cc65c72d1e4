package dev.gputel.runtime.exporter;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;

/**
 * How an exporter retries a batch that failed with a retryable error: {@code retry} in its
 * configuration.
 *
 * @param maxElapsed how long to keep trying one batch; zero means forever
 */
public record RetrySettings(
    boolean enabled,
    Duration initialInterval,
    Duration maxInterval,
    double multiplier,
    double randomization,
    Duration maxElapsed) {

  /** Reads {@code retry.*} of an exporter's configuration. */
  public static RetrySettings from(Config config) {
    RetrySettings settings =
        new RetrySettings(
            config.getBoolean("retry.enabled"),
            config.getDuration("retry.initial-interval"),
            config.getDuration("retry.max-interval"),
            config.getDouble("retry.multiplier"),
            config.getDouble("retry.randomization"),
            config.getDuration("retry.max-elapsed"));
    if (settings.multiplier < 1) {
      throw new ConfigException.BadValue(
          config.getValue("retry.multiplier").origin(), "retry.multiplier", "must be at least 1");
    }
    if (settings.randomization < 0 || settings.randomization > 1) {
      throw new ConfigException.BadValue(
          config.getValue("retry.randomization").origin(), "retry.randomization", "must be between 0 and 1");
    }
    if (settings.initialInterval.isNegative() || settings.initialInterval.isZero()) {
      throw new ConfigException.BadValue(
          config.getValue("retry.initial-interval").origin(), "retry.initial-interval", "must be positive");
    }
    return settings;
  }
}
