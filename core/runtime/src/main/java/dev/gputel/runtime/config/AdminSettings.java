package dev.gputel.runtime.config;

import com.typesafe.config.Config;

/** Where the admin endpoint ({@code /healthz}, {@code /metrics}) listens. */
public record AdminSettings(boolean enabled, String host, int port) {

  static AdminSettings from(Config config) {
    int port = config.getInt("port");
    if (port < 0 || port > 65535) {
      throw new com.typesafe.config.ConfigException.BadValue(
          config.getValue("port").origin(), "port", "must be between 0 and 65535, not " + port);
    }
    return new AdminSettings(config.getBoolean("enabled"), config.getString("host"), port);
  }
}
