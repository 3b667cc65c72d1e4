package dev.gputel.xid;

/**
 * Fallen-off-the-bus text without an Xid number ({@code NVRM: GPU 0000:b3:00.0: GPU has fallen off
 * the bus.}, {@code NVRM: The NVIDIA GPU 0000:b3:00.0 ... fallen off the bus and is not responding to
 * commands.}): reported as Xid 79, which the driver does not always print.
 */
public record FellOffBusLine(KernelPrefix prefix, GpuLocation gpu, String message) implements XidReport {

  /** The Xid this text stands for. */
  public static final int XID = 79;

  @Override
  public int code() {
    return XID;
  }

  @Override
  public Long pid() {
    return null;
  }

  @Override
  public String process() {
    return null;
  }

  @Override
  public Long channel() {
    return null;
  }
}
