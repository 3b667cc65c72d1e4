package dev.gputel.receiver.kernellog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * This boot's id and the wall-clock time it began, to turn /dev/kmsg's microseconds since boot
 * into a time of day. The start is now minus the uptime, read once per open: close enough for
 * log time stamps (the kernel's clock does not count time suspended; servers rarely suspend).
 */
record BootInfo(String bootId, Instant bootTime) {

  static BootInfo read(Path bootIdFile, Path uptimeFile, Clock clock) throws IOException {
    String bootId = BootIds.normalize(Files.readString(bootIdFile));
    if (bootId == null || !bootId.matches("[0-9a-f]{32}")) {
      throw new IOException(bootIdFile + " does not hold a boot id");
    }
    String uptime = Files.readString(uptimeFile).strip();
    int space = uptime.indexOf(' ');
    double seconds;
    try {
      seconds = Double.parseDouble(space < 0 ? uptime : uptime.substring(0, space));
    } catch (NumberFormatException e) {
      throw new IOException(uptimeFile + " does not start with the seconds since boot: '" + uptime + "'");
    }
    Instant bootTime = clock.instant().minus(Duration.ofNanos((long) (seconds * 1e9)));
    return new BootInfo(bootId, bootTime);
  }

  /** The wall-clock time of a kernel timestamp of this boot. */
  Instant timeOf(long monotonicMicros) {
    return bootTime.plusNanos(monotonicMicros * 1000);
  }
}
