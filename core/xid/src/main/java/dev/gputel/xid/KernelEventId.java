package dev.gputel.xid;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The stable id of a kernel-log event: the same record read twice (after a restart, from the
 * journal and from /dev/kmsg) gets the same id, so exporters can deduplicate. Built from the boot
 * id, the kernel's time since boot and the message text, as the architecture's delivery guarantees
 * ask.
 */
public final class KernelEventId {
  private static final HexFormat HEX = HexFormat.of();

  private KernelEventId() {}

  /** Returns 32 hex digits: the first 128 bits of SHA-256 over the three parts. */
  public static String of(String bootId, long uptimeMicros, String message) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(bootId.getBytes(StandardCharsets.UTF_8));
      digest.update((byte) '\n');
      digest.update(Long.toString(uptimeMicros).getBytes(StandardCharsets.US_ASCII));
      digest.update((byte) '\n');
      digest.update(message.getBytes(StandardCharsets.UTF_8));
      return HEX.formatHex(digest.digest(), 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
