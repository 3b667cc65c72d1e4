package dev.gputel.xid;

/**
 * ASCII-only character tests. {@link Character#digit} accepts every Unicode digit (Arabic-Indic,
 * full-width...), so a mangled line could otherwise yield an Xid code that is not in it.
 */
final class Ascii {
  private Ascii() {}

  /** Returns the value of an ASCII hex digit, or -1. */
  static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Returns whether {@code text} holds {@code expected} at {@code at}, within bounds. */
  static boolean regionIs(CharSequence text, int at, String expected) {
    if (at < 0 || at + expected.length() > text.length()) {
      return false;
    }
    for (int i = 0; i < expected.length(); i++) {
      if (text.charAt(at + i) != expected.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the decimal number of at most {@code maxDigits} ASCII digits at {@code [from, to)}, or
   * -1 when the range is empty, too long or holds anything else.
   */
  static long decimal(CharSequence text, int from, int to, int maxDigits) {
    if (from >= to || to - from > maxDigits) {
      return -1;
    }
    long value = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (!isDigit(c)) {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value;
  }

  /** Returns the end of the run of ASCII digits starting at {@code from}. */
  static int digitsEnd(CharSequence text, int from) {
    int i = from;
    while (i < text.length() && isDigit(text.charAt(i))) {
      i++;
    }
    return i;
  }
}
