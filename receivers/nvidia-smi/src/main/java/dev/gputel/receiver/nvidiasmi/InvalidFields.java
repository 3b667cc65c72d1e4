package dev.gputel.receiver.nvidiasmi;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads nvidia-smi's complaint about a field its driver does not know. One unknown field fails the
 * whole query: exit code 2, {@code Field "device_minor" is not a valid field to query.} on stdout
 * and no CSV at all (CoHDI/composable-resource-operator#37). Typographic quotes are accepted too:
 * that is how the message reached influxdata/telegraf#6573.
 */
final class InvalidFields {
  private static final Pattern MESSAGE = Pattern.compile("Field [\"\u201c]([^\"\u201d]+)[\"\u201d] is not a valid field to query\\.?");

  private InvalidFields() {}

  /** Returns the fields named in such messages among {@code lines}, in order. */
  static Set<String> in(List<String> lines) {
    Set<String> fields = new LinkedHashSet<>();
    for (String line : lines) {
      Matcher matcher = MESSAGE.matcher(line.strip());
      if (matcher.matches()) {
        fields.add(matcher.group(1));
      }
    }
    return fields;
  }
}
