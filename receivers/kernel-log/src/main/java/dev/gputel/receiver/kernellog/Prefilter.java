package dev.gputel.receiver.kernellog;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The cheap first test every kernel line goes through: does it contain one of a few plain strings
 * ({@code NVRM:}, {@code nvidia-nvswitch}, {@code SXid})? It runs on the raw bytes, so a line that
 * is dropped is never decoded.
 */
final class Prefilter {
  private static final String REGEX_SPECIAL = "\\^$.|?*+()[]{}";

  private final List<String> needles;
  private final byte[][] bytes;

  /** @param needles the strings; none keeps every line */
  Prefilter(List<String> needles) {
    this.needles = List.copyOf(needles);
    this.bytes = needles.stream().map(n -> n.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
  }

  /** Whether {@code line[from, to)} contains one of the strings. */
  boolean keeps(byte[] line, int from, int to) {
    if (bytes.length == 0) {
      return true;
    }
    for (byte[] needle : bytes) {
      if (indexOf(line, from, to, needle) >= 0) {
        return true;
      }
    }
    return false;
  }

  boolean keeps(byte[] line) {
    return keeps(line, 0, line.length);
  }

  /**
   * The same test as a PCRE2 pattern, for {@code journalctl --grep}: the strings, escaped, or-ed;
   * null when every line is kept.
   */
  String asRegex() {
    if (needles.isEmpty()) {
      return null;
    }
    return needles.stream().map(Prefilter::quote).collect(Collectors.joining("|"));
  }

  private static String quote(String literal) {
    StringBuilder out = new StringBuilder(literal.length() + 4);
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (REGEX_SPECIAL.indexOf(c) >= 0) {
        out.append('\\');
      }
      out.append(c);
    }
    return out.toString();
  }

  private static int indexOf(byte[] haystack, int from, int to, byte[] needle) {
    byte first = needle[0];
    int last = to - needle.length;
    outer:
    for (int i = from; i <= last; i++) {
      if (haystack[i] != first) {
        continue;
      }
      for (int j = 1; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
