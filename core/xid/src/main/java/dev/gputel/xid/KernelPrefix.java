package dev.gputel.xid;

import java.time.Duration;
import java.time.Instant;

/**
 * What a line carries before the driver's own text: {@code [ 1234.567890]} from dmesg, a syslog or
 * journal header, a shipper's tag. Only the two time forms that need no guessing are read.
 *
 * @param text the prefix as printed, possibly empty
 * @param uptime the kernel's time since boot from a {@code [seconds.micros]} stamp, or null
 * @param timestamp a wall-clock time from an ISO-8601 stamp with a zone ({@code dmesg --time-format
 *     iso}, rsyslog, Talos), or null; {@code dmesg -T} and classic syslog stamps carry no zone or
 *     year and are left as text
 */
public record KernelPrefix(String text, Duration uptime, Instant timestamp) {
  static final KernelPrefix NONE = new KernelPrefix("", null, null);

  /** Reads the prefix {@code line[0, end)}. */
  static KernelPrefix of(String line, int end) {
    if (end <= 0) {
      return NONE;
    }
    return new KernelPrefix(line.substring(0, end), PrefixTimes.uptime(line, end), PrefixTimes.timestamp(line, end));
  }
}
