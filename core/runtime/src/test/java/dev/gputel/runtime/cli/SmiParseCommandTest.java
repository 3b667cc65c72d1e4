package dev.gputel.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code gputel nvidia-smi parse} on the real captures in config/captures/nvidia-smi (see PROVENANCE.md there). */
class SmiParseCommandTest {
  private static final Path CAPTURES = Path.of(System.getProperty("gputel.captures", "../../config/captures"), "nvidia-smi");
  @TempDir Path directory;

  @Test
  void printsOneObjectPerGpuWithValuesInNvidiaSmiUnits() {
    CliRunner.Result result = CliRunner.run("nvidia-smi", "parse", CAPTURES.resolve("h100-80gb-hbm3__590.48.01__load.csv").toString());

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.out().lines()).singleElement().satisfies(line -> assertThat(line)
        .startsWith("{\"gpu\": {\"index\": 0, \"name\": \"NVIDIA H100 80GB HBM3\", \"uuid\": \"GPU-00000000-0000-0000-0000-000000000000\", \"pci_bus_id\": \"00000000:00:09.0\"}, \"metrics\": {")
        .contains("\"memory_total\": 81559", "\"power_draw\": 631.95", "\"utilization_gpu\": 100", "\"temperature_memory\": 54")
        .doesNotContain("fan_speed")
        .endsWith("}}"));
  }

  @Test
  void readsOutputWithoutHeaderWhenFieldsNameTheColumns() throws IOException {
    Path capture = CAPTURES.resolve("l40s__595.80__load.csv");
    List<String> lines = Files.readAllLines(capture);
    String fields = queriedFields(CAPTURES.resolve("l40s__595.80__load.cmd"));
    String rowsOnly = String.join("\n", lines.subList(1, lines.size())) + "\n";

    CliRunner.Result withHeader = CliRunner.run("nvidia-smi", "parse", capture.toString());
    CliRunner.Result withoutHeader = CliRunner.runWithInput(rowsOnly, "nvidia-smi", "parse", "--fields", fields, "-");

    assertThat(withoutHeader.exit()).as(withoutHeader.err()).isZero();
    assertThat(withoutHeader.out()).isEqualTo(withHeader.out()).contains("\"encoder_stats_average_latency\": 4271133");
  }

  @Test
  void acceptsAliasesAndFallsBackToThePositionForTheIndex() {
    // Synthetic input (not a capture): it checks aliases, the index fallback and the sample split.
    String csv = """
        name, clocks.current.graphics [MHz], clocks.current.memory [MHz], utilization.gpu [%]
        NVIDIA A10G, 1710, 6251, 97
        NVIDIA A10G, 210, 405, [N/A]
        """;

    CliRunner.Result result = CliRunner.runWithInput(csv, "nvidia-smi", "parse", "--fields", "gpu_name,clocks.gr,clocks.mem,utilization.gpu");

    assertThat(result.exit()).as(result.err()).isZero();
    assertThat(result.out().lines()).containsExactly(
        "{\"gpu\": {\"index\": 0, \"name\": \"NVIDIA A10G\"}, \"metrics\": {\"clocks_current_graphics\": 1710, \"clocks_current_memory\": 6251, \"utilization_gpu\": 97}}",
        "{\"gpu\": {\"index\": 1, \"name\": \"NVIDIA A10G\"}, \"metrics\": {\"clocks_current_graphics\": 210, \"clocks_current_memory\": 405}}");
  }

  @Test
  void namesTheLinesItCouldNotReadAndExitsOne() {
    String csv = """
        index, utilization.gpu [%]
        0, 12
        NVRM: Xid (PCI:0000:3b:00): 79, GPU has fallen off the bus.
        1, 13
        """;

    CliRunner.Result result = CliRunner.runWithInput(csv, "nvidia-smi", "parse");

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.out().lines()).hasSize(2);
    assertThat(result.err()).contains("-: line 3: not a row of 2 cells");
  }

  @Test
  void inputItCannotReadIsExitOneWithAClearMessage() {
    CliRunner.Result missing = CliRunner.run("nvidia-smi", "parse", directory.resolve("nope.csv").toString());
    CliRunner.Result headerless = CliRunner.runWithInput("0, 12\n", "nvidia-smi", "parse");

    assertThat(missing.exit()).isEqualTo(1);
    assertThat(missing.err()).contains("cannot read").contains("nope.csv");
    assertThat(headerless.exit()).isEqualTo(1);
    assertThat(headerless.err()).contains("line 1: expected a CSV header").contains("--fields");
  }

  /** Returns the field list of the {@code --query-gpu=} option in a capture's command line. */
  private static String queriedFields(Path commandFile) throws IOException {
    String command = Files.readString(commandFile);
    int start = command.indexOf("--query-gpu=") + "--query-gpu=".length();
    int end = command.indexOf(' ', start);
    return command.substring(start, end < 0 ? command.length() : end).strip();
  }
}
