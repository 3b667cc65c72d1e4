package dev.gputel.examples.loadavg;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import dev.gputel.spi.component.ConfigPaths;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The loadavg receiver's settings; see its reference.conf for each key. The file is not checked
 * here: one that is missing at start makes the receiver report itself down, not the agent fail.
 */
record LoadavgConfig(Path path, Duration interval) {

  /** Reads the settings, throwing {@link ConfigException} on a bad value. */
  static LoadavgConfig from(Config config) {
    Duration interval = config.getDuration("interval");
    if (interval.isNegative() || interval.isZero()) {
      throw new ConfigException.BadValue(config.getValue("interval").origin(), "interval",
          "must be positive, not " + config.getString("interval"));
    }
    return new LoadavgConfig(ConfigPaths.path(config, "path"), interval);
  }

  /** Returns a duration as a user writes it in configuration: {@code 10s}, {@code 250ms}. */
  static String format(Duration duration) {
    if (duration.toNanosPart() % 1_000_000 != 0) {
      return duration.toNanos() + "ns";
    }
    long millis = duration.toMillis();
    return millis % 1000 == 0 ? millis / 1000 + "s" : millis + "ms";
  }
}
