package dev.gputel.xid;

/**
 * Reads the device id between the parentheses of an Xid line: {@code PCI:0000:3b:00}, {@code
 * 0000:01:00}, {@code 0003:00}, {@code PCI:0000:3b:00 GPU-I:01 GPU-CI:02}, or a poster's {@code
 * PCI:...}.
 */
final class DeviceId {
  private static final String GPU_INSTANCE = "GPU-I:";
  private static final String COMPUTE_INSTANCE = "GPU-CI:";
  private static final int MAX_INSTANCE_DIGITS = 4;

  private DeviceId() {}

  /** Returns the location printed in {@code line[from, to)}, or null when there is none. */
  static GpuLocation parse(String line, int from, int to) {
    int start = Ascii.regionIs(line, from, "PCI:") ? from + 4 : from;
    int idEnd = line.indexOf(' ', start);
    if (idEnd < 0 || idEnd > to) {
      idEnd = to;
    }
    if (idEnd == start) {
      return null;
    }
    String printed = line.substring(start, idEnd);
    Integer gpuInstance = null;
    Integer computeInstance = null;
    // Tokens the driver may add after the address; anything unknown is ignored, not fatal, so a new
    // driver's extra token does not turn an Xid into an unrecognised line.
    for (int token = idEnd + 1; token < to; ) {
      int tokenEnd = line.indexOf(' ', token);
      if (tokenEnd < 0 || tokenEnd > to) {
        tokenEnd = to;
      }
      if (Ascii.regionIs(line, token, GPU_INSTANCE)) {
        gpuInstance = instance(line, token + GPU_INSTANCE.length(), tokenEnd);
      } else if (Ascii.regionIs(line, token, COMPUTE_INSTANCE)) {
        computeInstance = instance(line, token + COMPUTE_INSTANCE.length(), tokenEnd);
      }
      token = tokenEnd + 1;
    }
    return new GpuLocation(printed, PciBusId.parse(printed), gpuInstance, computeInstance);
  }

  private static Integer instance(String line, int from, int to) {
    long value = Ascii.decimal(line, from, to, MAX_INSTANCE_DIGITS);
    return value < 0 ? null : (int) value;
  }
}
