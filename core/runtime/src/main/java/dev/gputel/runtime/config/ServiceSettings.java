package dev.gputel.runtime.config;

import com.typesafe.config.Config;
import java.nio.file.Path;
import java.time.Duration;

/** The agent-wide settings under {@code gputel.service}. */
public record ServiceSettings(Duration shutdownTimeout, Path dataDirectory, AdminSettings admin) {

  static ServiceSettings from(Config config) {
    return new ServiceSettings(
        config.getDuration("shutdown-timeout"),
        Path.of(config.getString("data-directory")),
        AdminSettings.from(config));
  }
}
