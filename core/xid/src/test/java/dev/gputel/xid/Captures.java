package dev.gputel.xid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The real kernel-log captures in config/captures/kernel-log (see PROVENANCE.md there). */
final class Captures {
  static final Path ROOT = Path.of(System.getProperty("gputel.captures", "../../config/captures"), "kernel-log");
  static final Path XID_LINES = ROOT.resolve("xid-lines.log");
  static final Path BACKGROUND_LINES = ROOT.resolve("background-lines.log");

  private Captures() {}

  static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Returns line {@code number} (1-based) of xid-lines.log. */
  static String xidLine(int number) {
    return lines(XID_LINES).get(number - 1);
  }
}
