package dev.gputel.exporter.prometheus;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import dev.gputel.spi.component.ConfigPaths;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The prometheus exporter's settings; see its reference.conf for each key. */
record PrometheusConfig(String host, int port, Naming naming, List<String> resourceAttributes,
    Duration expireAfter, boolean selfTelemetry, Optional<BasicAuth> basicAuth, Optional<Tls> tls) {

  /** Credentials a scraper must send. */
  record BasicAuth(String username, String password) {
    @Override
    public String toString() {
      return "BasicAuth[username=" + username + ", password=***]"; // Never log the password.
    }
  }

  /** The key store that holds the server's key and certificate. */
  record Tls(Path keyStore, char[] password, String type) {}

  static PrometheusConfig from(Config config) {
    int port = config.getInt("port");
    if (port < 0 || port > 65535) {
      throw new ConfigException.BadValue(config.getValue("port").origin(), "port",
          port + " is not a TCP port (0-65535)");
    }
    Duration expireAfter = config.getDuration("expire-after");
    if (expireAfter.isNegative() || expireAfter.isZero()) {
      throw new ConfigException.BadValue(config.getValue("expire-after").origin(), "expire-after",
          "must be longer than 0");
    }
    List<String> resourceAttributes = config.getStringList("resource-attributes");
    for (String key : resourceAttributes) {
      if (key.isBlank()) {
        throw new ConfigException.BadValue(config.getValue("resource-attributes").origin(),
            "resource-attributes", "an attribute key is empty");
      }
    }
    return new PrometheusConfig(config.getString("host"), port, naming(config), List.copyOf(resourceAttributes),
        expireAfter, config.getBoolean("self-telemetry"), basicAuth(config.getConfig("basic-auth")),
        tls(config.getConfig("tls")));
  }

  private static Naming naming(Config config) {
    String value = config.getString("naming");
    try {
      return Naming.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new ConfigException.BadValue(config.getValue("naming").origin(), "naming",
          "'" + value + "' is not one of prometheus, dcgm");
    }
  }

  private static Optional<BasicAuth> basicAuth(Config auth) {
    boolean user = !auth.getIsNull("username");
    boolean password = !auth.getIsNull("password");
    if (user != password) {
      String missing = user ? "password" : "username";
      throw new ConfigException.BadValue(auth.origin(), "basic-auth." + missing,
          "basic-auth needs both a username and a password; " + missing + " is not set");
    }
    if (!user) {
      return Optional.empty();
    }
    String username = auth.getString("username");
    if (username.isEmpty() || username.contains(":")) {
      throw new ConfigException.BadValue(auth.getValue("username").origin(), "basic-auth.username",
          "must be non-empty and without ':'");
    }
    return Optional.of(new BasicAuth(username, auth.getString("password")));
  }

  private static Optional<Tls> tls(Config tls) {
    if (tls.getIsNull("key-store")) {
      return Optional.empty();
    }
    Path keyStore = ConfigPaths.path(tls, "key-store");
    if (!Files.isReadable(keyStore)) {
      throw new ConfigException.BadValue(tls.getValue("key-store").origin(), "tls.key-store",
          keyStore + " is not a readable file");
    }
    char[] password = tls.getIsNull("key-store-password") ? new char[0]
        : tls.getString("key-store-password").toCharArray();
    String type = tls.getString("key-store-type").toUpperCase(Locale.ROOT);
    if (!type.equals("PKCS12") && !type.equals("JKS")) {
      throw new ConfigException.BadValue(tls.getValue("key-store-type").origin(), "tls.key-store-type",
          "'" + type + "' is not one of PKCS12, JKS");
    }
    return Optional.of(new Tls(keyStore, password, type));
  }
}
