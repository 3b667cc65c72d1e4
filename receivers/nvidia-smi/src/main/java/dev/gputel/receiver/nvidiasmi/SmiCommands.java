package dev.gputel.receiver.nvidiasmi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The nvidia-smi command lines the receiver runs. {@code csv,nounits} keeps the header (so every
 * run's columns can be checked) and drops the unit suffixes from the values.
 */
final class SmiCommands {
  static final String FORMAT = "--format=csv,nounits";

  private SmiCommands() {}

  /** One long-lived process that prints every GPU again each {@code interval}. */
  static List<String> loop(Path binary, List<String> fields, Duration interval) {
    return List.of(binary.toString(), "--query-gpu=" + String.join(",", fields), FORMAT,
        "-lms", Long.toString(interval.toMillis()));
  }

  /** One run that prints every GPU once and exits. */
  static List<String> oneShot(Path binary, List<String> fields) {
    return List.of(binary.toString(), "--query-gpu=" + String.join(",", fields), FORMAT);
  }

  /** One run of the row-remapper query. */
  static List<String> remappedRows(Path binary, List<String> fields) {
    return List.of(binary.toString(), "--query-remapped-rows=" + String.join(",", fields), FORMAT);
  }
}
