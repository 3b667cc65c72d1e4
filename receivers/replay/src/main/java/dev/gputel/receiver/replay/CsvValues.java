package dev.gputel.receiver.replay;

import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads nvidia-smi CSV cells as numbers and names fields as metrics. An empty cell, {@code N/A}
 * and any bracketed token ({@code [N/A]}, {@code [Not Supported]}, {@code [Unknown Error]},
 * {@code [Insufficient Permissions]}, the deprecated-functionality token) mean "no value", never 0.
 */
final class CsvValues {
  private static final Pattern NUMBER = Pattern.compile("(-?\\d+(?:\\.\\d+)?)(?: \\S.*)?");
  private static final Pattern HEX = Pattern.compile("0x([0-9A-Fa-f]{1,16})");
  private static final Pattern PSTATE = Pattern.compile("P(\\d{1,2})");
  private static final Map<String, Double> WORDS = Map.of(
      "enabled", 1.0, "yes", 1.0, "active", 1.0,
      "disabled", 0.0, "no", 0.0, "not active", 0.0);
  private static final Map<String, String> UNITS = Map.of(
      "%", "%", "MiB", "MiBy", "W", "W", "MHz", "MHz", "us", "us", "ms", "ms", "seconds", "s");
  private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");

  private CsvValues() {}

  /** Returns true for a cell that means "no value". */
  static boolean isAbsent(String cell) {
    return cell.isEmpty() || cell.equals("N/A") || (cell.startsWith("[") && cell.endsWith("]"));
  }

  /** Returns the cell as a number, or empty for an absent value or text that is not a quantity. */
  static OptionalDouble number(String cell) {
    if (isAbsent(cell)) {
      return OptionalDouble.empty();
    }
    Matcher number = NUMBER.matcher(cell);
    if (number.matches()) {
      return OptionalDouble.of(Double.parseDouble(number.group(1)));
    }
    Matcher hex = HEX.matcher(cell);
    if (hex.matches()) {
      return OptionalDouble.of(Long.parseUnsignedLong(hex.group(1), 16));
    }
    Matcher pstate = PSTATE.matcher(cell);
    if (pstate.matches()) {
      return OptionalDouble.of(Integer.parseInt(pstate.group(1)));
    }
    Double word = WORDS.get(cell.toLowerCase(Locale.ROOT));
    return word == null ? OptionalDouble.empty() : OptionalDouble.of(word);
  }

  /** Returns the metric name of a field: {@code encoder.stats.sessionCount} is {@code encoder_stats_session_count}. */
  static String metricName(String field) {
    return CAMEL.matcher(field).replaceAll("$1_$2").replace('.', '_').toLowerCase(Locale.ROOT);
  }

  /** Returns the UCUM unit of a field from its header unit; temperatures carry none in the header. */
  static String unit(String field, String headerUnit) {
    if (headerUnit.isEmpty()) {
      return field.startsWith("temperature.") ? "Cel" : "1";
    }
    return UNITS.getOrDefault(headerUnit, headerUnit);
  }
}
