package dev.gputel.receiver.nvidiasmi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.gpu.SmiColumns;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.testing.RecordingTelemetry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Outputs quoted in issues and documents (config/captures/nvidia-smi/quoted, see PROVENANCE.md):
 * every absent-value token gives no point, the values beside it still do.
 */
class QuotedCapturesTest {
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
  private final RecordingTelemetry telemetry = new RecordingTelemetry();

  @Test
  void unknownErrorOnAGeForceRtx2080Ti() {
    Path capture = Captures.QUOTED.resolve("geforce-rtx-2080-ti__442.19__unknown-error.csv");
    List<Sample> samples = parse(Captures.commandFields(capture.resolveSibling(
        "geforce-rtx-2080-ti__442.19__unknown-error.cmd")), Captures.lines(capture));

    Map<String, Double> values = values(samples);
    assertThat(values).containsEntry("power_draw", 228.82).containsEntry("fan_speed", 56.0)
        .containsEntry("power_limit", 210.0).doesNotContainKey("power_default_limit");
    assertThat(samples.getFirst().rows().getFirst().attributes().asMap()).containsEntry("hw.model", "GeForce RTX 2080 Ti");
    assertThat(telemetry.count("lines_skipped")).as("the blank line between header and row").isEqualTo(1);
  }

  @Test
  void insufficientPermissionsOnAMigA100InAContainer() {
    Path capture = Captures.QUOTED.resolve("a100-sxm4-80gb-mig__535.161.08__insufficient-permissions.csv");
    List<Sample> samples = parse(Captures.commandFields(capture.resolveSibling(
        "a100-sxm4-80gb-mig__535.161.08__insufficient-permissions.cmd")), Captures.lines(capture));

    assertThat(values(samples)).containsOnlyKeys("temperature_gpu").containsEntry("temperature_gpu", 47.0);
    assertThat(samples.getFirst().rows().getFirst().attributes().asMap())
        .containsEntry("gpu.driver.version", "535.161.08");
  }

  @Test
  void notSupportedOnAGeForceGtx770WithoutHeader() {
    Path capture = Captures.QUOTED.resolve("geforce-gtx-770__not-supported.csv");
    List<Sample> samples = parse(Captures.commandFields(capture.resolveSibling("geforce-gtx-770__not-supported.cmd")),
        Captures.lines(capture));

    assertThat(values(samples)).containsOnlyKeys("temperature_gpu", "fan_speed")
        .containsEntry("fan_speed", 52.0);
  }

  @Test
  void threeA100sOfALoopStreamBecomeOneSamplePerIterationWhateverTheirRowOrder() {
    Path capture = Captures.QUOTED.resolve("a100-sxm4-40gb-x3__545.23.08__loop.csv");
    List<String> fields = SmiColumns.ofHeader(
        Captures.lines(capture.resolveSibling("a100-sxm4-40gb-x3__545.23.08__loop.header")).getFirst()).fields();
    SampleAssembler assembler = new SampleAssembler(fields);
    CsvStream csv = new CsvStream(SmiColumns.of(fields), telemetry.counter("lines_skipped", ""));
    List<Sample> samples = new ArrayList<>();
    for (String line : Captures.lines(capture)) {
      var row = csv.accept(line);
      assertThat(row).as(line).isNotNull();
      samples.addAll(assembler.add(row));
    }

    // Without index or count columns, a sample ends where a bus id comes again.
    assertThat(samples).hasSize(2);
    assertThat(samples).allSatisfy(sample -> assertThat(sample.rows())
        .extracting(row -> row.attributes().getString("gpu.pci.bus_id"))
        .containsExactlyInAnyOrder("00000000:3B:00.0", "00000000:8B:00.0", "00000000:0B:00.0"));
    assertThat(Samples.gpuBatch(samples.get(1), T).points()).filteredOn(p -> p.name().equals("memory_used"))
        .extracting(MetricPoint::value).containsOnly(38803.0);
    assertThat(assembler.pendingRows()).as("the quoted excerpt ends inside a third iteration").isEqualTo(2);
  }

  private List<Sample> parse(List<String> fields, List<String> lines) {
    CsvStream csv = new CsvStream(SmiColumns.of(fields), telemetry.counter("lines_skipped", ""));
    SampleAssembler assembler = new SampleAssembler(fields);
    List<Sample> samples = new ArrayList<>();
    for (String line : lines) {
      var row = csv.accept(line);
      if (row != null) {
        samples.addAll(assembler.add(row));
      }
    }
    samples.add(assembler.flush());
    return samples.stream().filter(s -> !s.rows().isEmpty()).toList();
  }

  private static Map<String, Double> values(List<Sample> samples) {
    assertThat(samples).hasSize(1);
    return Samples.gpuBatch(samples.getFirst(), T).points().stream()
        .collect(Collectors.toMap(MetricPoint::name, MetricPoint::value));
  }
}
