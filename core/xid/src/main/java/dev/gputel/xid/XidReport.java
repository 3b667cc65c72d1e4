package dev.gputel.xid;

/**
 * A line that reports an Xid on one GPU: what a counter counts and a classifier classifies. Fields
 * a line does not print are null.
 */
public sealed interface XidReport extends ParsedLine permits XidLine, RecoveryActionLine, FellOffBusLine {

  /** Returns the Xid number. */
  int code();

  GpuLocation gpu();

  /** Returns the process id, or null when the line has none (or prints {@code '<unknown>'}). */
  Long pid();

  /** Returns the process name, or null when the line has none (or prints {@code <unknown>}). */
  String process();

  /** Returns the channel the driver names ({@code Ch 0000003a}, {@code channel 0x0000000c}), or null. */
  Long channel();

  @Override
  default LineKind kind() {
    return LineKind.XID;
  }
}
