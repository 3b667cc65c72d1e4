package dev.gputel.xid;

/**
 * The optional fields at the start of an Xid payload and the ones found inside its text.
 *
 * <p>R450-R510 drivers print {@code pid=N} only; R525+ print {@code pid=N, name=NAME} and, when the
 * process is unknown, {@code pid='<unknown>', name=<unknown>} (the quotes are the driver's). A name
 * runs to the next {@code ", "}: names hold spaces, dots and {@code ::} ({@code VLLM::Worker_TP}).
 */
record PayloadFields(Long pid, String process, String message) {
  private static final String PID = "pid=";
  private static final String NAME = "name=";
  private static final String SEPARATOR = ", ";
  private static final String CAUSED_BY = "caused by previous Xid ";
  private static final int MAX_PID_DIGITS = 10;
  private static final int MAX_CODE_DIGITS = 5;
  /** Channel spellings of every era, longest first where one is a prefix of another. */
  private static final String[] CHANNEL_TAGS = {"Channel ID ", "channel 0x", "Channel ", "ChID ", "Ch "};
  private static final int MAX_CHANNEL_DIGITS = 8;

  /** Reads the payload that starts at {@code from} (just after {@code "N, "}). */
  static PayloadFields read(String line, int from) {
    int at = from;
    Long pid = null;
    String process = null;
    if (line.startsWith(PID, at)) {
      int end = valueEnd(line, at + PID.length());
      long value = Ascii.decimal(line, at + PID.length(), end, MAX_PID_DIGITS);
      pid = value < 0 ? null : value;
      at = next(line, end);
      if (line.startsWith(NAME, at)) {
        end = valueEnd(line, at + NAME.length());
        String name = line.substring(at + NAME.length(), end);
        process = name.isEmpty() || name.equals("<unknown>") ? null : name;
        at = next(line, end);
      }
    }
    return new PayloadFields(pid, process, line.substring(Math.min(at, line.length())));
  }

  /** Returns the channel a message names, in any era's spelling, or null. */
  static Long channel(String message) {
    for (String tag : CHANNEL_TAGS) {
      for (int at = message.indexOf(tag); at >= 0; at = message.indexOf(tag, at + 1)) {
        if (at > 0 && message.charAt(at - 1) != ' ') {
          continue;
        }
        int digits = at + tag.length();
        int end = digits;
        while (end < message.length() && Ascii.hexDigit(message.charAt(end)) >= 0) {
          end++;
        }
        if (end > digits && end - digits <= MAX_CHANNEL_DIGITS
            && (end == message.length() || !Character.isLetterOrDigit(message.charAt(end)))) {
          return Long.parseLong(message, digits, end, 16);
        }
      }
    }
    return null;
  }

  /** Returns N of {@code caused by previous Xid N} (Xid 45's sympathetic reports), or null. */
  static Integer causedBy(String message) {
    int at = message.indexOf(CAUSED_BY);
    if (at < 0) {
      return null;
    }
    int from = at + CAUSED_BY.length();
    long code = Ascii.decimal(message, from, Ascii.digitsEnd(message, from), MAX_CODE_DIGITS);
    return code < 0 ? null : (int) code;
  }

  private static int valueEnd(String line, int from) {
    int end = line.indexOf(SEPARATOR, from);
    return end < 0 ? line.length() : end;
  }

  private static int next(String line, int valueEnd) {
    return valueEnd >= line.length() ? line.length() : valueEnd + SEPARATOR.length();
  }
}
