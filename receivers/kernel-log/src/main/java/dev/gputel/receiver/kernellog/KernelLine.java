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
 * @param bootId the boot the line belongs to (32 lower-case hex digits), or null when unknown
 * @param monotonicMicros the kernel's timestamp, microseconds since boot, or -1 when unknown
 * @param idKey with {@code idPosition} and the message, what the event id is made of; stable
 *     when the line is read again: the boot id (with the kernel's µs), else a file's identity
 *     (with the line's offset) or a journal cursor (with 0)
 * @param hostName the host the line came from, or null to use the receiver's
 * @param priority the printk level (0 emerg .. 7 debug), or -1 when unknown
 * @param extra source-specific attributes (the file path, the kmsg sequence number)
 */
record KernelLine(
    byte[] message,
    Instant time,
    String bootId,
    long monotonicMicros,
    String idKey,
    long idPosition,
    String hostName,
    int priority,
    Attributes extra) {

  KernelLine {
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(idKey, "idKey");
    Objects.requireNonNull(extra, "extra");
  }

  /** A line of a known boot at a known kernel time: the id is made of those two and the message. */
  static KernelLine ofKernel(byte[] message, Instant time, String bootId, long monotonicMicros, String hostName,
      int priority, Attributes extra) {
    return new KernelLine(message, time, bootId, monotonicMicros, bootId, monotonicMicros, hostName, priority, extra);
  }
}
