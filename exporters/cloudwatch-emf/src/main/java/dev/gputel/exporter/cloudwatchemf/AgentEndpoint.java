package dev.gputel.exporter.cloudwatchemf;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Where the CloudWatch agent listens for EMF: {@code tcp://host:port} or {@code udp://host:port},
 * the form the AWS EMF client libraries take (their default is {@code tcp://127.0.0.1:25888}).
 */
record AgentEndpoint(Protocol protocol, String host, int port) {
  /** The agent's EMF port when the endpoint names none. */
  static final int DEFAULT_PORT = 25888;

  enum Protocol { TCP, UDP }

  static AgentEndpoint parse(String text) {
    URI uri;
    try {
      uri = new URI(text);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("'" + text + "' is not tcp://host:port or udp://host:port");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("tcp") && !scheme.equals("udp") || uri.getHost() == null
        || uri.getPath() != null && !uri.getPath().isEmpty()) {
      throw new IllegalArgumentException("'" + text + "' is not tcp://host:port or udp://host:port");
    }
    return new AgentEndpoint(scheme.equals("tcp") ? Protocol.TCP : Protocol.UDP, uri.getHost(),
        uri.getPort() == -1 ? DEFAULT_PORT : uri.getPort());
  }

  @Override
  public String toString() {
    return protocol.name().toLowerCase(Locale.ROOT) + "://" + host + ":" + port;
  }
}
