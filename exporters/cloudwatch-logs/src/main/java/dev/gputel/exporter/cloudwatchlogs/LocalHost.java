package dev.gputel.exporter.cloudwatchlogs;

import dev.gputel.spi.component.LocalHostName;
import java.io.IOException;
import java.net.InetAddress;

/**
 * This machine's name and address, for placeholders the batch's resource does not fill; both are
 * looked up once. The name is the kernel's ({@link LocalHostName}).
 */
final class LocalHost {
  private static volatile String hostname;
  private static volatile String address;

  private LocalHost() {}

  static String hostname() {
    String name = hostname;
    if (name == null) {
      name = LocalHostName.get();
      hostname = name;
    }
    return name;
  }

  static String address() {
    String ip = address;
    if (ip == null) {
      try {
        ip = InetAddress.getLocalHost().getHostAddress();
      } catch (IOException e) {
        ip = "127.0.0.1";
      }
      address = ip;
    }
    return ip;
  }

}
