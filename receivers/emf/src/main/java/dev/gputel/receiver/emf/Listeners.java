package dev.gputel.receiver.emf;

import java.io.IOException;
import java.net.InetSocketAddress;

/** Resolves a configured listen address, with errors that say which one failed. */
final class Listeners {
  private Listeners() {}

  static InetSocketAddress resolve(InetSocketAddress configured, Transport transport) throws IOException {
    if (!configured.isUnresolved()) {
      return configured;
    }
    InetSocketAddress resolved = new InetSocketAddress(configured.getHostString(), configured.getPort());
    if (resolved.isUnresolved()) {
      throw new IOException("cannot listen on " + transport.label() + " " + text(configured)
          + ": unknown host " + configured.getHostString());
    }
    return resolved;
  }

  static IOException bindFailed(InetSocketAddress address, Transport transport, IOException e) {
    return new IOException("cannot listen on " + transport.label() + " " + text(address) + ": " + e.getMessage()
        + " (is another EMF listener, such as the CloudWatch agent, still using the port?)", e);
  }

  static String text(InetSocketAddress address) {
    String host = address.getHostString();
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
  }
}
