package dev.gputel.receiver.nvml;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;

/** The nvml receiver's settings; see its reference.conf for each key. */
record NvmlConfig(String library, Duration interval, Duration reinitInitialBackoff, Duration reinitMaxBackoff,
    boolean events) {

  /** Settings that do not watch NVML events (the metric collection tests and benchmark). */
  NvmlConfig(String library, Duration interval, Duration reinitInitialBackoff, Duration reinitMaxBackoff) {
    this(library, interval, reinitInitialBackoff, reinitMaxBackoff, false);
  }

  static NvmlConfig from(Config config) {
    NvmlConfig result = new NvmlConfig(
        config.getString("library"),
        positive(config, "interval"),
        positive(config, "reinit-initial-backoff"),
        positive(config, "reinit-max-backoff"),
        config.getBoolean("events"));
    if (result.library.isBlank()) {
      throw new ConfigException.BadValue(config.getValue("library").origin(), "library",
          "must name the NVML library (libnvidia-ml.so.1) or a path to it");
    }
    if (result.reinitMaxBackoff.compareTo(result.reinitInitialBackoff) < 0) {
      throw new ConfigException.BadValue(config.getValue("reinit-max-backoff").origin(), "reinit-max-backoff",
          "must be at least reinit-initial-backoff (" + result.reinitInitialBackoff + ")");
    }
    return result;
  }

  private static Duration positive(Config config, String key) {
    Duration value = config.getDuration(key);
    if (value.isNegative() || value.isZero()) {
      throw new ConfigException.BadValue(config.getValue(key).origin(), key, "must be positive");
    }
    return value;
  }
}
