package dev.gputel.receiver.kernellog;

import java.util.Locale;

/** Boot ids in journald's spelling: 32 lower-case hex digits, no dashes (/proc prints them with dashes). */
final class BootIds {
  private BootIds() {}

  /** Returns the id in journald's spelling, or null for null or blank. */
  static String normalize(String bootId) {
    if (bootId == null || bootId.isBlank()) {
      return null;
    }
    return bootId.strip().replace("-", "").toLowerCase(Locale.ROOT);
  }
}
