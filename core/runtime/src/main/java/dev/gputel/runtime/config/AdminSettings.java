package dev.gputel.runtime.config;

import com.typesafe.config.Config;

/** Where the admin endpoint ({@code /healthz}, {@code /metrics}) listens. */
public record AdminSettings(boolean enabled, String host, int port) {

  /** Reads {@code admin.*} of the service settings. */
  static AdminSettings from(Config service) {
    int port = service.getInt("admin.port");
    if (port < 0 || port > 65535) {
      throw new com.typesafe.config.ConfigException.BadValue(
          service.getValue("admin.port").origin(), "admin.port", "must be between 0 and 65535, not " + port);
    }
    return new AdminSettings(service.getBoolean("admin.enabled"), service.getString("admin.host"), port);
  }
}
