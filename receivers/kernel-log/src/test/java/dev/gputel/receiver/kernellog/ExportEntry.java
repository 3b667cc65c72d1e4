package dev.gputel.receiver.kernellog;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * One kernel entry in the journal export format (systemd.io/JOURNAL_EXPORT_FORMATS), as journald
 * would have stored it: {@code _TRANSPORT=kernel}, the kernel's timestamp in
 * _SOURCE_MONOTONIC_TIMESTAMP. A MESSAGE that holds a newline or is not valid UTF-8 is written in
 * the binary form (name, newline, 64-bit little-endian length, bytes).
 */
record ExportEntry(String bootId, long monotonicMicros, long realtimeMicros, int priority, String hostName,
    byte[] message) {

  static ExportEntry of(String bootId, long monotonicMicros, String message) {
    return new ExportEntry(bootId, monotonicMicros, System.currentTimeMillis() * 1000, 4, "gpu-node-1",
        message.getBytes(StandardCharsets.UTF_8));
  }

  byte[] export() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    text(out, "__REALTIME_TIMESTAMP=" + realtimeMicros);
    text(out, "__MONOTONIC_TIMESTAMP=" + monotonicMicros);
    text(out, "_BOOT_ID=" + bootId);
    text(out, "_TRANSPORT=kernel");
    text(out, "SYSLOG_IDENTIFIER=kernel");
    text(out, "SYSLOG_FACILITY=0");
    text(out, "PRIORITY=" + priority);
    text(out, "_HOSTNAME=" + hostName);
    text(out, "_SOURCE_MONOTONIC_TIMESTAMP=" + monotonicMicros);
    if (plain(message)) {
      out.writeBytes("MESSAGE=".getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(message);
      out.write('\n');
    } else {
      out.writeBytes("MESSAGE\n".getBytes(StandardCharsets.US_ASCII));
      out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(message.length).array());
      out.writeBytes(message);
      out.write('\n');
    }
    out.write('\n');
    return out.toByteArray();
  }

  private static boolean plain(byte[] message) {
    for (byte b : message) {
      if (b == '\n' || b < 0) {
        return false;
      }
    }
    return true;
  }

  private static void text(ByteArrayOutputStream out, String line) {
    out.writeBytes((line + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
