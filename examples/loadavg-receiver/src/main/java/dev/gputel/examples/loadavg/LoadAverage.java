package dev.gputel.examples.loadavg;

import java.util.regex.Pattern;

/**
 * One reading of {@code /proc/loadavg}: {@code 0.83 0.37 0.15 1/85 8303} is the load averaged over
 * 1, 5 and 15 minutes, the scheduling entities (processes and threads) running now and in total,
 * and the last process id, which is not used.
 */
record LoadAverage(double oneMinute, double fiveMinutes, double fifteenMinutes, long running, long total) {
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  /** What the kernel prints: digits, a point, two digits. Also keeps out NaN, signs and exponents. */
  private static final Pattern LOAD = Pattern.compile("\\d{1,9}(\\.\\d{1,9})?");
  private static final Pattern PROCESSES = Pattern.compile("(\\d{1,18})/(\\d{1,18})");

  /**
   * Parses the text of a loadavg file; a pure function, so that it can be tested on captures.
   *
   * @param source the file the text came from, for the exception message
   * @throws MalformedLoadavgException naming {@code source} and the text when it is not a loadavg line
   */
  static LoadAverage parse(String source, String text) {
    String line = text.strip();
    if (line.isEmpty()) {
      throw new MalformedLoadavgException(source, "it is empty", text);
    }
    String[] fields = WHITESPACE.split(line);
    if (fields.length < 4) {
      throw new MalformedLoadavgException(source,
          "expected at least 4 fields: 1m 5m 15m running/total, found " + fields.length, text);
    }
    var processes = PROCESSES.matcher(fields[3]);
    if (!processes.matches()) {
      throw new MalformedLoadavgException(source,
          "field 4 '" + fields[3] + "' is not running/total", text);
    }
    return new LoadAverage(
        load(source, fields, 0, text),
        load(source, fields, 1, text),
        load(source, fields, 2, text),
        Long.parseLong(processes.group(1)),
        Long.parseLong(processes.group(2)));
  }

  private static double load(String source, String[] fields, int index, String text) {
    if (!LOAD.matcher(fields[index]).matches()) {
      throw new MalformedLoadavgException(source,
          "field " + (index + 1) + " '" + fields[index] + "' is not a load average", text);
    }
    return Double.parseDouble(fields[index]);
  }
}
