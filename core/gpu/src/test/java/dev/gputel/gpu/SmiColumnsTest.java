package dev.gputel.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.MetricPoint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Reads the real captures shipped in config/captures/nvidia-smi (see PROVENANCE.md there). */
class SmiColumnsTest {
  private static final Path CAPTURES = Path.of(System.getProperty("gputel.captures", "../../config/captures"), "nvidia-smi");
  private static final Instant T = Instant.parse("2026-07-14T08:12:38Z");

  @Test
  void readsAnH100CaptureByPosition() throws IOException {
    Map<String, Double> values = points("h100-80gb-hbm3__590.48.01__load.csv").stream()
        .collect(Collectors.toMap(MetricPoint::name, MetricPoint::value));
    assertThat(values).containsEntry("memory_total", 81559.0).containsEntry("utilization_gpu", 100.0)
        .containsEntry("power_draw", 631.95).containsEntry("temperature_memory", 54.0)
        .containsEntry("clocks_current_sm", 1980.0).doesNotContainKey("fan_speed");
  }

  @Test
  void migGpusHaveNoUtilization() throws IOException {
    List<MetricPoint> points = points("h200-mig__590.48.01__idle.csv");
    assertThat(points).extracting(MetricPoint::name).doesNotContain("utilization_gpu").contains("memory_total");
    Attributes attributes = points.getFirst().attributes();
    assertThat(attributes.get("gpu.index")).isEqualTo(0L);
    assertThat(attributes.get("gpu.mig.mode")).isEqualTo("Enabled");
    assertThat(attributes.get("hw.model")).isEqualTo("NVIDIA H200");
  }

  @Test
  void pointsCarryCatalogUnitsAndSkipUnwantedMetrics() throws IOException {
    GpuRow row = row("l40s__595.80__load.csv");
    List<MetricPoint> points = row.points(T, row.attributes(), m -> m == GpuMetric.ENCODER_STATS_AVERAGE_LATENCY);
    assertThat(points).singleElement().satisfies(p -> {
      assertThat(p.value()).isEqualTo(4271133);
      assertThat(p.unit()).isEqualTo("us");
    });
  }

  @Test
  void aRowWithAnotherCellCountIsNotARow() {
    SmiColumns columns = SmiColumns.of(List.of("index", "utilization.gpu"));
    assertThat(columns.read("NVRM: Xid (PCI:0000:3b:00): 79, GPU has fallen off the bus.")).isNull();
    assertThat(columns.read("0, 5, 6")).isNull();
    assertThat(columns.read("0, 5")).isNotNull();
  }

  @Test
  void recognisesHeaders() {
    assertThat(SmiColumns.isHeader("index, name, clocks.current.graphics [MHz]")).isTrue();
    assertThat(SmiColumns.isHeader("0, NVIDIA H100, 1980")).isFalse();
  }

  @Test
  void samplesEndWhereAGpuRepeats() {
    SmiColumns columns = SmiColumns.of(List.of("index", "utilization.gpu"));
    SmiSampler sampler = new SmiSampler();
    assertThat(sampler.add(columns.read("0, 1"))).isEmpty();
    assertThat(sampler.add(columns.read("1, 2"))).isEmpty();
    assertThat(sampler.add(columns.read("0, 3"))).hasSize(2);
    assertThat(sampler.flush()).singleElement().satisfies(r -> assertThat(r.value(1)).isEqualTo(3));
  }

  private static List<MetricPoint> points(String capture) throws IOException {
    GpuRow row = row(capture);
    return row.points(T, row.attributes(), m -> true);
  }

  private static GpuRow row(String capture) throws IOException {
    List<String> lines = Files.readAllLines(CAPTURES.resolve(capture));
    return SmiColumns.ofHeader(lines.get(0)).read(lines.get(1));
  }
}
