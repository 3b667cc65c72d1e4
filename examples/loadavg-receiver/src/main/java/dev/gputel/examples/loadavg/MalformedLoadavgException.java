package dev.gputel.examples.loadavg;

/** Thrown when a file's text is not in the format of {@code /proc/loadavg}. */
final class MalformedLoadavgException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final int MAX_SHOWN = 200;

  MalformedLoadavgException(String source, String reason, String content) {
    super(source + " is not in /proc/loadavg format (" + reason + "): \"" + shown(content) + "\"");
  }

  /** Returns the content on one line, control characters escaped and cut to a readable length. */
  private static String shown(String content) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < content.length() && out.length() < MAX_SHOWN; i++) {
      char c = content.charAt(i);
      switch (c) {
        case '\n' -> out.append("\\n");
        case '\t' -> out.append("\\t");
        case '"' -> out.append("\\\"");
        default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
      }
    }
    return out.length() < MAX_SHOWN ? out.toString() : out + "...";
  }
}
