package dev.gputel.receiver.kernellog;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The time at the start of a syslog file line: RFC 3339 ({@code 2025-01-21T04:41:44.283302+00:00},
 * rsyslog's default on current distributions) or the classic {@code May 19 07:08:57}, which has
 * no year and no zone (this machine's zone is assumed, and the year that puts it not in the future).
 */
final class SyslogTime {
  private static final Pattern RFC3339 = Pattern.compile(
      "^(\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(?:\\.\\d{1,9})?(?:Z|[+-]\\d{2}:\\d{2}))\\s");
  private static final Pattern CLASSIC = Pattern.compile(
      "^(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) ([ \\d]\\d) (\\d{2}):(\\d{2}):(\\d{2})\\s");
  private static final String MONTHS = "JanFebMarAprMayJunJulAugSepOctNovDec";
  private static final int PREFIX = 40;

  private SyslogTime() {}

  /** Returns the line's time, or null when it does not start with one of the two forms. */
  static Instant parse(byte[] line, Instant now, ZoneId zone) {
    String head = new String(line, 0, Math.min(line.length, PREFIX), StandardCharsets.ISO_8859_1);
    Matcher rfc = RFC3339.matcher(head);
    if (rfc.find()) {
      try {
        return OffsetDateTime.parse(rfc.group(1)).toInstant();
      } catch (DateTimeParseException e) {
        return null;
      }
    }
    Matcher classic = CLASSIC.matcher(head);
    if (!classic.find()) {
      return null;
    }
    int month = MONTHS.indexOf(classic.group(1)) / 3 + 1;
    int day = Integer.parseInt(classic.group(2).strip());
    int year = now.atZone(zone).getYear();
    try {
      ZonedDateTime time = LocalDateTime.of(year, month, day, Integer.parseInt(classic.group(3)),
          Integer.parseInt(classic.group(4)), Integer.parseInt(classic.group(5))).atZone(zone);
      if (time.toInstant().isAfter(now.plus(1, ChronoUnit.DAYS))) {
        time = time.minusYears(1); // December's lines read in January.
      }
      return time.toInstant();
    } catch (java.time.DateTimeException e) {
      return null; // Feb 30 and the like.
    }
  }
}
