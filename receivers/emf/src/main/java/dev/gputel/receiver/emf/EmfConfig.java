package dev.gputel.receiver.emf;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import java.net.InetSocketAddress;
import java.util.Optional;

/** The emf receiver's settings; see its reference.conf for each key. */
record EmfConfig(
    Optional<InetSocketAddress> tcp,
    Optional<InetSocketAddress> udp,
    int maxDocumentSize,
    int maxConnections) {

  /** A CloudWatch Logs event: 1 MiB, less the 26 bytes PutLogEvents counts for each event. */
  static final int LOG_EVENT_LIMIT = 1_048_576 - 26;

  static EmfConfig from(Config config) {
    Optional<InetSocketAddress> tcp = address(config, "tcp");
    Optional<InetSocketAddress> udp = address(config, "udp");
    if (tcp.isEmpty() && udp.isEmpty()) {
      throw bad(config, "tcp", "tcp and udp are both null: the receiver would listen nowhere");
    }
    long size = config.getBytes("max-document-size");
    if (size < 2 || size > LOG_EVENT_LIMIT) {
      throw bad(config, "max-document-size", size + " is outside 2.." + LOG_EVENT_LIMIT
          + " (the CloudWatch Logs event limit)");
    }
    int connections = config.getInt("max-connections");
    if (connections < 1) {
      throw bad(config, "max-connections", "must be at least 1");
    }
    return new EmfConfig(tcp, udp, (int) size, connections);
  }

  private static Optional<InetSocketAddress> address(Config config, String key) {
    if (config.getIsNull(key)) {
      return Optional.empty();
    }
    String text = config.getString(key);
    try {
      return Optional.of(ListenAddress.parse(text));
    } catch (IllegalArgumentException e) {
      throw bad(config, key, e.getMessage());
    }
  }

  private static ConfigException bad(Config config, String key, String message) {
    ConfigValue value = config.root().get(key); // Present even when null; getValue would throw then.
    return new ConfigException.BadValue(value == null ? config.origin() : value.origin(), key, message);
  }
}
