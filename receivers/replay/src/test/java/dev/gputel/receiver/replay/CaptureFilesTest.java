package dev.gputel.receiver.replay;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Checks the shipped captures the way their PROVENANCE.md says they were checked: every row has
 * as many cells as the header, and the header names the fields of the recorded command, in order.
 */
class CaptureFilesTest {
  static Stream<Path> csvFiles() throws IOException {
    return Files.list(Captures.ROOT.resolve("nvidia-smi")).filter(p -> p.toString().endsWith(".csv")).sorted();
  }

  @ParameterizedTest
  @MethodSource("csvFiles")
  void rowsMatchTheHeaderAndTheHeaderMatchesTheCommand(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    int cells = lines.getFirst().split(", ", -1).length;
    assertThat(lines.subList(1, lines.size())).isNotEmpty()
        .allSatisfy(row -> assertThat(row.split(", ", -1)).hasSize(cells));

    String command = Files.readString(Path.of(csv.toString().replace(".csv", ".cmd"))).strip();
    String fields = command.substring(command.indexOf("--query-gpu=") + 12, command.indexOf(" --format=csv"));
    List<String> headerFields = Arrays.stream(lines.getFirst().split(", ", -1))
        .map(h -> h.replaceFirst(" \\[[^]]*]$", "")).toList();
    assertThat(headerFields).containsExactly(fields.split(","));
  }
}
