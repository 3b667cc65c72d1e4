package dev.gputel.receiver.kernellog;

import com.typesafe.config.Config;
import dev.gputel.spi.component.ConfigPaths;
import java.nio.file.Path;

/** The {@code kmsg} section: the record device and where this boot's id and uptime are read. */
record KmsgConfig(Path path, Path bootIdPath, Path uptimePath) {

  static KmsgConfig from(Config config) {
    return new KmsgConfig(ConfigPaths.path(config, "path"), ConfigPaths.path(config, "boot-id-path"),
        ConfigPaths.path(config, "uptime-path"));
  }
}
