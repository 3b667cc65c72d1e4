package dev.gputel.receiver.kernellog;

import dev.gputel.spi.data.Attributes;
import java.time.Instant;
import java.util.Objects;

/**
 * One kernel message as a source read it, before it becomes an event.
 *
 * @param message the message bytes exactly as the kernel (or the file) holds them; not copied, so
 *     the source must hand over an array it no longer writes to
 * @param time when the kernel logged it, as well as the source knows
 * @param origin where the line sits in the kernel's history, stable across re-reads: the boot id
 *     and kernel timestamp, or a file's identity and offset; with a hash of the message it makes
 *     the event id
 * @param bootId the boot the line belongs to (32 lower-case hex digits), or null when unknown
 * @param monotonicMicros the kernel's timestamp, microseconds since boot, or -1 when unknown
 * @param hostName the host the line came from, or null to use the receiver's
 * @param priority the printk level (0 emerg .. 7 debug), or -1 when unknown
 * @param extra source-specific attributes (the file path, the kmsg sequence number)
 */
record KernelLine(
    byte[] message,
    Instant time,
    String origin,
    String bootId,
    long monotonicMicros,
    String hostName,
    int priority,
    Attributes extra) {

  KernelLine {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(extra, "extra");
  }

  /** The origin of a line from a known boot: {@code <boot id>:<µs since boot>}. */
  static String kernelOrigin(String bootId, long monotonicMicros) {
    return bootId + ":" + monotonicMicros;
  }
}
