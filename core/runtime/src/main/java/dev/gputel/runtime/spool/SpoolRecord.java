package dev.gputel.runtime.spool;

/** One appended payload as read back, with where it lies, so that it can be acknowledged. */
public record SpoolRecord(long segment, long offset, byte[] payload) {
  Position position() {
    return new Position(segment, offset);
  }
}
