package dev.gputel.receiver.kernellog;

/**
 * The fields of one {@code journalctl -o json} entry that the receiver uses.
 *
 * @param message MESSAGE as bytes (journalctl prints invalid UTF-8 as an array of byte values)
 * @param sourceMonotonicMicros _SOURCE_MONOTONIC_TIMESTAMP, the kernel's own timestamp for a
 *     kernel message, or -1
 * @param monotonicMicros __MONOTONIC_TIMESTAMP, when journald received it, or -1
 * @param bootId _BOOT_ID or null
 * @param hostName _HOSTNAME or null
 * @param priority PRIORITY or -1
 */
record JournalEntry(
    String cursor,
    byte[] message,
    long realtimeMicros,
    long sourceMonotonicMicros,
    long monotonicMicros,
    String bootId,
    String hostName,
    int priority) {

  /** The kernel's timestamp when journald kept it, else journald's own monotonic time, else -1. */
  long kernelMicros() {
    return sourceMonotonicMicros >= 0 ? sourceMonotonicMicros : monotonicMicros;
  }
}
