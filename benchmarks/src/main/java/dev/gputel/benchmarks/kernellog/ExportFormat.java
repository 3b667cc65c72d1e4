package dev.gputel.benchmarks.kernellog;

import java.nio.charset.StandardCharsets;

/**
 * A kernel entry in the journal export format, as systemd-journal-remote reads it: what journald
 * stores for a kernel message (_TRANSPORT=kernel, the kernel's own timestamp).
 */
final class ExportFormat {
  private ExportFormat() {}

  static byte[] kernelEntry(String bootId, long monotonicMicros, String message) {
    long realtime = System.currentTimeMillis() * 1000;
    return ("__REALTIME_TIMESTAMP=" + realtime + "\n"
        + "__MONOTONIC_TIMESTAMP=" + monotonicMicros + "\n"
        + "_BOOT_ID=" + bootId + "\n"
        + "_TRANSPORT=kernel\nSYSLOG_IDENTIFIER=kernel\nSYSLOG_FACILITY=0\nPRIORITY=4\n"
        + "_SOURCE_MONOTONIC_TIMESTAMP=" + monotonicMicros + "\n"
        + "MESSAGE=" + message + "\n\n").getBytes(StandardCharsets.UTF_8);
  }
}
