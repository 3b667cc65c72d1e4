package dev.gputel.exporter.cloudwatchlogs;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This machine's name and address, for placeholders the batch's resource does not fill. The name is
 * the kernel's (what {@code hostname} prints and the CloudWatch agent reads), without a DNS lookup
 * where Linux offers it; both are looked up once.
 */
final class LocalHost {
  private static volatile String hostname;
  private static volatile String address;

  private LocalHost() {}

  static String hostname() {
    String name = hostname;
    if (name == null) {
      name = readHostname();
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

  private static String readHostname() {
    try {
      String kernel = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.UTF_8).strip();
      if (!kernel.isEmpty()) {
        return kernel;
      }
    } catch (IOException | RuntimeException e) {
      // Not Linux, or /proc is not mounted: ask Java.
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
