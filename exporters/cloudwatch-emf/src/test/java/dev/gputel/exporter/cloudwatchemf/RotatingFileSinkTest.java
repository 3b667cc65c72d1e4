package dev.gputel.exporter.cloudwatchemf;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RotatingFileSinkTest {
  @TempDir Path directory;

  @Test
  void rotatesBySizeKeepsTheNewestFilesAndNeverSplitsALine() throws Exception {
    Path path = directory.resolve("emf/metrics.log");
    // Lines of 100 bytes with their newline; 350 bytes hold three.
    try (RotatingFileSink sink = new RotatingFileSink(path, 350, 2)) {
      for (int i = 0; i < 10; i++) {
        sink.write(List.of(line(i)));
      }
    }

    assertThat(Files.readAllLines(path)).containsExactly(text(9));
    assertThat(Files.readAllLines(path.resolveSibling("metrics.log.1"))).containsExactly(text(6), text(7), text(8));
    assertThat(Files.readAllLines(path.resolveSibling("metrics.log.2"))).containsExactly(text(3), text(4), text(5));
    assertThat(path.resolveSibling("metrics.log.3")).doesNotExist();
  }

  @Test
  void appendsToAnExistingFileAndCountsItsSize() throws Exception {
    Path path = directory.resolve("metrics.log");
    Files.writeString(path, text(0) + "\n" + text(1) + "\n");
    try (RotatingFileSink sink = new RotatingFileSink(path, 350, 1)) {
      sink.write(List.of(line(2), line(3)));
    }

    assertThat(Files.readAllLines(path.resolveSibling("metrics.log.1"))).containsExactly(text(0), text(1), text(2));
    assertThat(Files.readAllLines(path)).containsExactly(text(3));
  }

  private static byte[] line(int i) {
    return text(i).getBytes(StandardCharsets.UTF_8);
  }

  private static String text(int i) {
    return ("{\"n\":" + i + "}" + " ".repeat(99)).substring(0, 99);
  }
}
