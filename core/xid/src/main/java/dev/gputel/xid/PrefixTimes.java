package dev.gputel.xid;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/** Finds the time stamps a kernel-line prefix may hold, by hand: this runs for every Xid line. */
final class PrefixTimes {
  private static final int MAX_SECONDS_DIGITS = 10;
  private static final int MAX_FRACTION_DIGITS = 9;

  private PrefixTimes() {}

  /** Returns the last {@code [ seconds.fraction]} stamp in {@code line[0, end)}, or null. */
  static Duration uptime(String line, int end) {
    Duration found = null;
    for (int open = line.indexOf('['); open >= 0 && open < end; open = line.indexOf('[', open + 1)) {
      int i = open + 1;
      while (i < end && line.charAt(i) == ' ') {
        i++;
      }
      int secondsEnd = Ascii.digitsEnd(line, i);
      if (secondsEnd == i || secondsEnd - i > MAX_SECONDS_DIGITS || secondsEnd >= end || line.charAt(secondsEnd) != '.') {
        continue;
      }
      int fractionEnd = Ascii.digitsEnd(line, secondsEnd + 1);
      int fractionDigits = fractionEnd - secondsEnd - 1;
      if (fractionDigits == 0 || fractionDigits > MAX_FRACTION_DIGITS || fractionEnd >= end || line.charAt(fractionEnd) != ']') {
        continue;
      }
      long seconds = Ascii.decimal(line, i, secondsEnd, MAX_SECONDS_DIGITS);
      long nanos = Ascii.decimal(line, secondsEnd + 1, fractionEnd, MAX_FRACTION_DIGITS);
      for (int d = fractionDigits; d < MAX_FRACTION_DIGITS; d++) {
        nanos *= 10;
      }
      found = Duration.ofSeconds(seconds, nanos);
    }
    return found;
  }

  /**
   * Returns the first {@code yyyy-mm-ddThh:mm:ss[.,fraction](Z|+hh:mm)} stamp in {@code line[0,
   * end)}, or null.
   */
  static Instant timestamp(String line, int end) {
    for (int t = line.indexOf('T'); t >= 10 && t < end; t = line.indexOf('T', t + 1)) {
      int start = t - 10;
      if (!shape(line, start, "dddd-dd-dd") || !shape(line, t + 1, "dd:dd:dd")) {
        continue;
      }
      int i = t + 9;
      long nanos = 0;
      if (i < end && (line.charAt(i) == '.' || line.charAt(i) == ',')) {
        int fractionEnd = Ascii.digitsEnd(line, i + 1);
        int digits = fractionEnd - i - 1;
        if (digits == 0 || digits > MAX_FRACTION_DIGITS) {
          continue;
        }
        nanos = Ascii.decimal(line, i + 1, fractionEnd, MAX_FRACTION_DIGITS);
        for (int d = digits; d < MAX_FRACTION_DIGITS; d++) {
          nanos *= 10;
        }
        i = fractionEnd;
      }
      int offsetSeconds;
      if (i < end && line.charAt(i) == 'Z') {
        offsetSeconds = 0;
      } else if (i + 6 <= end && (line.charAt(i) == '+' || line.charAt(i) == '-') && shape(line, i + 1, "dd:dd")) {
        int sign = line.charAt(i) == '-' ? -1 : 1;
        offsetSeconds = sign * (int) (number(line, i + 1, 2) * 3600 + number(line, i + 4, 2) * 60);
      } else {
        continue;
      }
      // Built from the digits already checked: java.time's text parser costs microseconds a line.
      try {
        return LocalDateTime.of((int) number(line, start, 4), (int) number(line, start + 5, 2),
                (int) number(line, start + 8, 2), (int) number(line, t + 1, 2), (int) number(line, t + 4, 2),
                (int) number(line, t + 7, 2), (int) nanos)
            .toInstant(ZoneOffset.ofTotalSeconds(offsetSeconds));
      } catch (DateTimeException e) {
        // A digit pattern that is no date (month 13): not a time stamp, keep looking.
      }
    }
    return null;
  }

  private static long number(String line, int at, int digits) {
    return Ascii.decimal(line, at, at + digits, digits);
  }

  /** Returns whether {@code line} at {@code at} matches {@code pattern}, where {@code d} is a digit. */
  private static boolean shape(String line, int at, String pattern) {
    if (at < 0 || at + pattern.length() > line.length()) {
      return false;
    }
    for (int i = 0; i < pattern.length(); i++) {
      char p = pattern.charAt(i);
      char c = line.charAt(at + i);
      if (p == 'd' ? !Ascii.isDigit(c) : c != p) {
        return false;
      }
    }
    return true;
  }
}
