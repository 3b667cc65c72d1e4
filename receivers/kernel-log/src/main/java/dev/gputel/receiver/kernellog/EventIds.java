package dev.gputel.receiver.kernellog;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Event ids that stay the same when a line is read again (after a restart, or from /dev/kmsg
 * instead of the journal): {@code <origin>:<first 16 hex digits of the SHA-256 of the message>},
 * e.g. {@code 6e1b...c2:1843308145:9f2a61d0c3b4e5f6} for boot id, kernel µs and message.
 */
final class EventIds {
  private static final HexFormat HEX = HexFormat.of();

  private EventIds() {}

  static String of(String origin, byte[] message) {
    return origin + ":" + HEX.formatHex(sha256(message), 0, 8);
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
