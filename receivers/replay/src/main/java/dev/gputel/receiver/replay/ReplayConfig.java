package dev.gputel.receiver.replay;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import dev.gputel.spi.component.ConfigPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The replay receiver's settings; see its reference.conf for each key. */
record ReplayConfig(
    List<Path> metricsFiles,
    List<String> fields,
    List<Path> logFiles,
    Duration interval,
    int logLinesPerInterval,
    ReplayMode mode) {

  static ReplayConfig from(Config config) {
    String mode = config.getString("mode");
    ReplayConfig result = new ReplayConfig(
        existing(config, "metrics-files"),
        config.getStringList("fields"),
        existing(config, "log-files"),
        config.getDuration("interval"),
        config.getInt("log-lines-per-interval"),
        switch (mode.toLowerCase(Locale.ROOT)) {
          case "loop" -> ReplayMode.LOOP;
          case "once" -> ReplayMode.ONCE;
          default -> throw new ConfigException.BadValue(config.getValue("mode").origin(), "mode",
              "'" + mode + "' is not one of loop, once");
        });
    if (result.interval.isNegative() || result.interval.isZero()) {
      throw new ConfigException.BadValue(config.getValue("interval").origin(), "interval", "must be positive");
    }
    if (result.logLinesPerInterval < 1) {
      throw new ConfigException.BadValue(config.getValue("log-lines-per-interval").origin(),
          "log-lines-per-interval", "must be at least 1");
    }
    if (result.metricsFiles.isEmpty() && result.logFiles.isEmpty()) {
      throw new ConfigException.BadValue(config.getValue("metrics-files").origin(), "metrics-files",
          "nothing to replay: set metrics-files, log-files or both");
    }
    return result;
  }

  private static List<Path> existing(Config config, String key) {
    List<Path> paths = ConfigPaths.paths(config, key);
    for (Path path : paths) {
      if (!Files.isRegularFile(path)) {
        throw new ConfigException.BadValue(config.getValue(key).origin(), key, "no such file: " + path);
      }
    }
    return paths;
  }
}
