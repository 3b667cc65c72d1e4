package dev.gputel.spi.component;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This machine's name as the kernel knows it: what {@code hostname} prints and what the CloudWatch
 * agent's Go {@code os.Hostname} reads. No DNS lookup where Linux offers the name, because one can
 * hang at boot; elsewhere Java's, else {@code localhost}.
 */
public final class LocalHostName {
  private LocalHostName() {}

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
