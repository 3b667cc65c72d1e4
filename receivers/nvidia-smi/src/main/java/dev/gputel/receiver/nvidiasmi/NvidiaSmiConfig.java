package dev.gputel.receiver.nvidiasmi;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;

/** The nvidia-smi receiver's settings; see its reference.conf for each key. */
record NvidiaSmiConfig(
    String binary,
    CollectionMode mode,
    Duration interval,
    Duration watchdogTimeout,
    Duration timeout,
    Duration restartBackoffMin,
    Duration restartBackoffMax,
    Duration remappedRowsInterval) {

  static NvidiaSmiConfig from(Config config) {
    NvidiaSmiConfig result = new NvidiaSmiConfig(
        config.getString("binary").strip(),
        mode(config),
        positive(config, "interval"),
        positive(config, "watchdog-timeout"),
        positive(config, "timeout"),
        positive(config, "restart-backoff-min"),
        positive(config, "restart-backoff-max"),
        config.getDuration("remapped-rows-interval"));
    if (result.binary.isEmpty()) {
      throw bad(config, "binary", "must name nvidia-smi or the path to it");
    }
    if (result.watchdogTimeout.compareTo(result.interval) <= 0) {
      throw bad(config, "watchdog-timeout", "must be longer than interval (" + result.interval
          + "), or every loop would be killed before its sample arrives");
    }
    if (result.restartBackoffMax.compareTo(result.restartBackoffMin) < 0) {
      throw bad(config, "restart-backoff-max", "must not be shorter than restart-backoff-min");
    }
    if (result.remappedRowsInterval.isNegative()) {
      throw bad(config, "remapped-rows-interval", "must be 0s (off) or positive");
    }
    return result;
  }

  /** Whether the slow remapped-rows query runs at all (it also needs a pipeline that wants one). */
  boolean remappedRowsEnabled() {
    return !remappedRowsInterval.isZero();
  }

  private static CollectionMode mode(Config config) {
    String mode = config.getString("mode");
    return switch (mode) {
      case "loop" -> CollectionMode.LOOP;
      case "one-shot" -> CollectionMode.ONE_SHOT;
      default -> throw bad(config, "mode", "'" + mode + "' is not one of loop, one-shot");
    };
  }

  private static Duration positive(Config config, String key) {
    Duration value = config.getDuration(key);
    if (value.isNegative() || value.isZero()) {
      throw bad(config, key, "must be positive");
    }
    return value;
  }

  private static ConfigException.BadValue bad(Config config, String key, String message) {
    return new ConfigException.BadValue(config.getValue(key).origin(), key, message);
  }
}
