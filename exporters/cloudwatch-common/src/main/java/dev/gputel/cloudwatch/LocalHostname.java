package dev.gputel.cloudwatch;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This machine's hostname, the {@code host} dimension when the resource has no host.name: the
 * kernel's name (what {@code hostname} prints and the CloudWatch agent's Go {@code os.Hostname}
 * reads), without a DNS lookup where Linux offers it.
 */
public final class LocalHostname {
  private LocalHostname() {}

  public static String get() {
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
