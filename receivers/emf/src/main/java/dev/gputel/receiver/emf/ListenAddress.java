package dev.gputel.receiver.emf;

import java.net.InetSocketAddress;

/** Reads a listen address written "host:port", "[v6-address]:port" or ":port" (every interface). */
final class ListenAddress {
  private ListenAddress() {}

  static InetSocketAddress parse(String text) {
    String trimmed = text.strip();
    int colon = trimmed.lastIndexOf(':');
    if (colon < 0) {
      throw new IllegalArgumentException("'" + text + "' is not host:port (for example 127.0.0.1:25888)");
    }
    String host = trimmed.substring(0, colon);
    String portText = trimmed.substring(colon + 1);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    } else if (host.indexOf(':') >= 0) {
      throw new IllegalArgumentException("'" + text + "': write an IPv6 address in brackets, [::1]:25888");
    }
    int port;
    try {
      port = Integer.parseInt(portText);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + text + "': port '" + portText + "' is not a number");
    }
    if (port < 0 || port > 65_535) {
      throw new IllegalArgumentException("'" + text + "': port " + port + " is outside 0..65535");
    }
    // Unresolved here; the listener resolves the name when it binds, so a typo fails the start, named.
    return host.isEmpty() ? new InetSocketAddress(port) : InetSocketAddress.createUnresolved(host, port);
  }
}
