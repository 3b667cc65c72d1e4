package dev.gputel.receiver.kernellog;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A timestamp written in the CloudWatch agent's {@code timestamp_format} (strftime-like:
 * {@code %Y-%m-%d %H:%M:%S}), found anywhere in a line as the agent finds it. Directives: %y %Y
 * %b %B %m %-m %d %-d %a %A %H %-H %I %-I %p %M %-M %S %-S %f %z %Z %%. A line without the
 * year takes the one that does not put it in the future; one without a zone takes the configured zone.
 */
final class StrftimeFormat {
  private static final String MONTHS = "jan feb mar apr may jun jul aug sep oct nov dec";
  private static final List<String> MONTH_NAMES = List.of("january", "february", "march", "april", "may",
      "june", "july", "august", "september", "october", "november", "december");

  private enum Field { YEAR2, YEAR4, MONTH, MONTH_NAME, DAY, HOUR, HOUR12, AMPM, MINUTE, SECOND, FRACTION, OFFSET,
    ZONE, IGNORED }

  private final String format;
  private final Pattern pattern;
  private final List<Field> fields;

  private StrftimeFormat(String format, Pattern pattern, List<Field> fields) {
    this.format = format;
    this.pattern = pattern;
    this.fields = fields;
  }

  /** Compiles {@code format}; throws IllegalArgumentException naming a directive it does not know. */
  static StrftimeFormat compile(String format) {
    StringBuilder regex = new StringBuilder();
    List<Field> fields = new ArrayList<>();
    for (int i = 0; i < format.length(); i++) {
      char c = format.charAt(i);
      if (c != '%') {
        regex.append(Character.isWhitespace(c) ? "\\s+" : Pattern.quote(String.valueOf(c)));
        continue;
      }
      boolean unpadded = i + 1 < format.length() && format.charAt(i + 1) == '-';
      int at = unpadded ? i + 2 : i + 1;
      if (at >= format.length()) {
        throw new IllegalArgumentException("'" + format + "' ends in the middle of a % directive");
      }
      char directive = format.charAt(at);
      i = at;
      String two = unpadded ? "(\\d{1,2})" : "(\\d{2})";
      switch (directive) {
        case 'Y' -> group(regex, fields, "(\\d{4})", Field.YEAR4);
        case 'y' -> group(regex, fields, "(\\d{2})", Field.YEAR2);
        case 'm' -> group(regex, fields, two, Field.MONTH);
        case 'b' -> group(regex, fields, "([A-Za-z]{3})", Field.MONTH_NAME);
        case 'B' -> group(regex, fields, "([A-Za-z]{3,9})", Field.MONTH_NAME);
        case 'd' -> group(regex, fields, unpadded ? "(\\d{1,2})" : "([ \\d]\\d)", Field.DAY);
        case 'a' -> group(regex, fields, "([A-Za-z]{3})", Field.IGNORED);
        case 'A' -> group(regex, fields, "([A-Za-z]{6,9})", Field.IGNORED);
        case 'H' -> group(regex, fields, two, Field.HOUR);
        case 'I' -> group(regex, fields, two, Field.HOUR12);
        case 'p' -> group(regex, fields, "([AaPp][Mm])", Field.AMPM);
        case 'M' -> group(regex, fields, two, Field.MINUTE);
        case 'S' -> group(regex, fields, two, Field.SECOND);
        case 'f' -> group(regex, fields, "(\\d{1,9})", Field.FRACTION);
        case 'z' -> group(regex, fields, "([+-]\\d{2}:?\\d{2}|Z)", Field.OFFSET);
        case 'Z' -> group(regex, fields, "([A-Za-z][A-Za-z0-9/_+-]{1,31})", Field.ZONE);
        case '%' -> regex.append('%');
        default -> throw new IllegalArgumentException("'" + format + "': %" + (unpadded ? "-" : "") + directive
            + " is not a directive the CloudWatch agent's timestamp_format has (%Y %y %m %b %B %d %a %A %H %I %p"
            + " %M %S %f %z %Z, with - for no padding)");
      }
    }
    if (!fields.contains(Field.HOUR) && !fields.contains(Field.HOUR12)
        || !fields.contains(Field.DAY) || !fields.contains(Field.MONTH) && !fields.contains(Field.MONTH_NAME)) {
      throw new IllegalArgumentException("'" + format + "' needs at least a month, a day and an hour");
    }
    return new StrftimeFormat(format, Pattern.compile(regex.toString()), List.copyOf(fields));
  }

  private static void group(StringBuilder regex, List<Field> fields, String group, Field field) {
    regex.append(group);
    fields.add(field);
  }

  /** Returns the time the line holds, or null when it holds none in this format (or an impossible one). */
  Instant parse(CharSequence line, Instant now, ZoneId zone) {
    Matcher matcher = pattern.matcher(line);
    if (!matcher.find()) {
      return null;
    }
    int year = -1;
    int month = 0;
    int day = 0;
    int hour = 0;
    int minute = 0;
    int second = 0;
    int nanos = 0;
    int pm = -1;
    ZoneId lineZone = null;
    try {
      for (int g = 0; g < fields.size(); g++) {
        String text = matcher.group(g + 1).strip();
        switch (fields.get(g)) {
          case YEAR4 -> year = Integer.parseInt(text);
          case YEAR2 -> year = 2000 + Integer.parseInt(text);
          case MONTH -> month = Integer.parseInt(text);
          case MONTH_NAME -> month = monthOf(text);
          case DAY -> day = Integer.parseInt(text);
          case HOUR, HOUR12 -> hour = Integer.parseInt(text);
          case AMPM -> pm = text.equalsIgnoreCase("pm") ? 1 : 0;
          case MINUTE -> minute = Integer.parseInt(text);
          case SECOND -> second = Integer.parseInt(text);
          case FRACTION -> nanos = Integer.parseInt((text + "00000000").substring(0, 9));
          case OFFSET -> lineZone = text.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(
              text.length() == 5 ? text.substring(0, 3) + ":" + text.substring(3) : text);
          case ZONE -> lineZone = ZoneId.of(text, ZoneId.SHORT_IDS);
          case IGNORED -> { }
        }
      }
      if (pm >= 0) {
        hour = hour % 12 + (pm == 1 ? 12 : 0);
      }
      ZoneId effective = lineZone != null ? lineZone : zone;
      boolean guessYear = year < 0;
      int assumed = guessYear ? now.atZone(effective).getYear() : year;
      Instant time = LocalDateTime.of(assumed, month, day, hour, minute, second, nanos).atZone(effective).toInstant();
      if (guessYear && time.isAfter(now.plus(1, ChronoUnit.DAYS))) {
        time = LocalDateTime.of(assumed - 1, month, day, hour, minute, second, nanos).atZone(effective).toInstant();
      }
      return time;
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  private static int monthOf(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    int full = MONTH_NAMES.indexOf(lower);
    if (full >= 0) {
      return full + 1;
    }
    int abbreviated = lower.length() == 3 ? MONTHS.indexOf(lower) : -1;
    if (abbreviated < 0 || abbreviated % 4 != 0) {
      throw new DateTimeException("no month '" + name + "'");
    }
    return abbreviated / 4 + 1;
  }

  @Override
  public String toString() {
    return format;
  }
}
