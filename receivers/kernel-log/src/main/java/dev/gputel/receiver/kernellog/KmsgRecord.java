package dev.gputel.receiver.kernellog;

import java.nio.charset.StandardCharsets;

/**
 * The header line of one /dev/kmsg record: {@code <priority>,<sequence>,<µs since boot>,<flag>[,more];<text>}
 * (kernel Documentation/ABI/testing/dev-kmsg). The priority holds facility * 8 + level; the flag
 * is {@code -}, or {@code c}/{@code +} for fragments of a continued line on old kernels.
 *
 * @param message the text after ';', unescaped to the kernel's original bytes
 */
record KmsgRecord(int level, int facility, long sequence, long monotonicMicros, char flag, byte[] message) {

  /** Parses {@code line[from, to)}; throws {@link IllegalArgumentException} saying what is wrong. */
  static KmsgRecord parse(byte[] line, int from, int to) {
    int semicolon = -1;
    for (int i = from; i < to; i++) {
      if (line[i] == ';') {
        semicolon = i;
        break;
      }
    }
    if (semicolon < 0) {
      throw new IllegalArgumentException("no ';' after the record prefix");
    }
    String[] prefix = new String(line, from, semicolon - from, StandardCharsets.US_ASCII).split(",", -1);
    if (prefix.length < 4) {
      throw new IllegalArgumentException("prefix '" + String.join(",", prefix)
          + "' has fewer than 4 fields (priority,sequence,timestamp,flag)");
    }
    int priority = (int) number(prefix[0], "priority");
    long sequence = number(prefix[1], "sequence");
    long micros = number(prefix[2], "timestamp");
    char flag = prefix[3].isEmpty() ? '-' : prefix[3].charAt(0);
    return new KmsgRecord(priority & 7, priority >> 3, sequence, micros, flag,
        MessageText.unescapeKmsg(line, semicolon + 1, to));
  }

  private static long number(String field, String name) {
    try {
      long value = Long.parseLong(field);
      if (value < 0) {
        throw new NumberFormatException();
      }
      return value;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " '" + field + "' is not a non-negative number");
    }
  }
}
