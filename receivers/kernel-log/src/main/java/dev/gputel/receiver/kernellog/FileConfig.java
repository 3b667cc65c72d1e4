package dev.gputel.receiver.kernellog;

import com.typesafe.config.Config;
import dev.gputel.spi.component.ConfigPaths;
import java.nio.file.Path;
import java.util.List;

/** The {@code file} section: syslog files to follow and where a new one is begun. */
record FileConfig(List<Path> paths, StartAt startAt) {

  FileConfig {
    paths = List.copyOf(paths);
  }

  static FileConfig from(Config config) {
    return new FileConfig(ConfigPaths.paths(config, "paths"),
        ConfigValues.option(config, "start-at", StartAt.END, StartAt.ALL));
  }
}
