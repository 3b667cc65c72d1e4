package dev.gputel.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The real captures gputel ships in {@code config/captures} (each folder has a PROVENANCE.md), as
 * seen from a module two levels below the repository root; the system property {@code
 * gputel.captures} points elsewhere.
 */
public final class CaptureFiles {
  private CaptureFiles() {}

  /** Returns {@code config/captures/<folder>}. */
  public static Path folder(String folder) {
    return Path.of(System.getProperty("gputel.captures", "../../config/captures"), folder);
  }

  /** Returns a capture's lines, as UTF-8. */
  public static List<String> lines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
