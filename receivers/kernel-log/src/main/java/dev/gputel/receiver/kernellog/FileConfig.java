package dev.gputel.receiver.kernellog;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import dev.gputel.spi.component.ConfigPaths;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

/**
 * The {@code file} section: syslog files to follow, where a new one is begun, and how a line's time
 * is read.
 *
 * @param timestampFormat the time's format in each line, or null for the syslog prefix
 * @param zone the zone of a time that names none
 */
record FileConfig(List<Path> paths, StartAt startAt, StrftimeFormat timestampFormat, ZoneId zone) {

  FileConfig {
    paths = List.copyOf(paths);
  }

  static FileConfig from(Config config) {
    StrftimeFormat format = null;
    if (!config.getIsNull("timestamp-format")) {
      try {
        format = StrftimeFormat.compile(config.getString("timestamp-format"));
      } catch (IllegalArgumentException e) {
        throw new ConfigException.BadValue(config.getValue("timestamp-format").origin(), "file.timestamp-format",
            e.getMessage());
      }
    }
    ZoneId zone = switch (config.getString("timezone")) {
      case "local" -> ZoneId.systemDefault();
      case "utc" -> ZoneOffset.UTC;
      default -> throw new ConfigException.BadValue(config.getValue("timezone").origin(), "file.timezone",
          "'" + config.getString("timezone") + "' is not local or utc");
    };
    return new FileConfig(ConfigPaths.paths(config, "paths"),
        ConfigValues.option(config, "start-at", StartAt.END, StartAt.ALL), format, zone);
  }
}
