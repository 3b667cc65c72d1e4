package dev.gputel.processor.resourcedetection;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Reads the synthetic fixtures under testdata/ (see testdata/README.md for their shapes' sources). */
final class Fixtures {
  private Fixtures() {}

  static String read(String name) {
    try (InputStream in = Fixtures.class.getResourceAsStream("/testdata/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test fixture testdata/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
