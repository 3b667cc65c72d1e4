package dev.gputel.receiver.nvidiasmi;

import java.time.Duration;

/** Writes durations the way the configuration does: {@code 30s}, {@code 1m}, {@code 250ms}. */
final class Durations {
  private Durations() {}

  static String format(Duration duration) {
    long millis = duration.toMillis();
    if (millis % 60_000 == 0 && millis > 0) {
      return millis / 60_000 + "m";
    }
    if (millis % 1000 == 0) {
      return millis / 1000 + "s";
    }
    return millis + "ms";
  }
}
