package dev.gputel.runtime.cwagent;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Writes indented HOCON: blocks, keys and comments. Every string is written as a JSON string, which
 * HOCON reads as written: no substitution, so the CloudWatch agent's {@code ${aws:InstanceId}}
 * placeholders stay text for the exporters to resolve.
 */
final class HoconWriter {
  private final StringBuilder out = new StringBuilder();
  private int depth;

  HoconWriter comment(String text) {
    for (String line : text.split("\n", -1)) {
      indent().append(line.isEmpty() ? "#" : "# " + line).append('\n');
    }
    return this;
  }

  HoconWriter open(String key) {
    indent().append(key).append(" {\n");
    depth++;
    return this;
  }

  HoconWriter close() {
    depth--;
    indent().append("}\n");
    return this;
  }

  /** A value written as it is: a number, a duration such as {@code 60s}, a word, or a list built below. */
  HoconWriter raw(String key, String value) {
    indent().append(key).append(" = ").append(value).append('\n');
    return this;
  }

  HoconWriter string(String key, String value) {
    return raw(key, quote(value));
  }

  HoconWriter strings(String key, List<String> values) {
    return raw(key, list(values));
  }

  static String list(List<String> values) {
    return values.stream().map(HoconWriter::quote).collect(Collectors.joining(", ", "[", "]"));
  }

  /** A key that HOCON reads as one path element whatever it holds (dots, colons, spaces). */
  static String key(String name) {
    return name.matches("[A-Za-z0-9_-]+") ? name : quote(name);
  }

  static String quote(String value) {
    StringBuilder quoted = new StringBuilder(value.length() + 2).append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> quoted.append("\\\"");
        case '\\' -> quoted.append("\\\\");
        case '\n' -> quoted.append("\\n");
        case '\t' -> quoted.append("\\t");
        case '\r' -> quoted.append("\\r");
        default -> {
          if (c < 0x20) {
            quoted.append(String.format("\\u%04x", (int) c));
          } else {
            quoted.append(c);
          }
        }
      }
    }
    return quoted.append('"').toString();
  }

  private StringBuilder indent() {
    return out.append("  ".repeat(depth));
  }

  @Override
  public String toString() {
    return out.toString();
  }
}
