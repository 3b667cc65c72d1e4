package dev.gputel.receiver.kernellog;

import java.util.Locale;

/** Where a source begins reading when it has no saved position. */
enum StartAt {
  /** The first entry of the current boot (journald). */
  BOOT,
  /** Only what is written from now on. */
  END,
  /** Everything the source still holds. */
  ALL;

  String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
