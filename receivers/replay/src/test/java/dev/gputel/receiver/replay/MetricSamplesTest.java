package dev.gputel.receiver.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricSamplesTest {
  private static final Instant NOW = Instant.parse("2026-11-28T00:00:00Z");
  private static final List<String> CLOUDWATCH_AGENT_FIELDS = List.of(
      "utilization.gpu", "utilization.memory", "memory.total", "memory.used", "memory.free", "power.draw",
      "temperature.gpu", "fan.speed", "pcie.link.gen.current", "pcie.link.width.current",
      "encoder.stats.sessionCount", "encoder.stats.averageFps", "encoder.stats.averageLatency",
      "clocks.current.graphics", "clocks.current.sm", "clocks.current.memory", "clocks.current.video");

  @Test
  void theH100UnderLoadGivesTheCloudWatchAgentMeasurements() {
    MetricBatch batch = new MetricSamples(Captures.parse(Captures.H100_LOAD), CLOUDWATCH_AGENT_FIELDS).batch(0, NOW);

    // Values as printed in the capture; fan.speed is [N/A] on this passively cooled board: absent, not 0.
    assertThat(batch.points()).extracting(MetricPoint::name, MetricPoint::value, MetricPoint::unit)
        .containsExactlyInAnyOrder(
            tuple("utilization_gpu", 100.0, "%"), tuple("utilization_memory", 11.0, "%"),
            tuple("memory_total", 81559.0, "MiBy"), tuple("memory_used", 19818.0, "MiBy"),
            tuple("memory_free", 61263.0, "MiBy"), tuple("power_draw", 631.95, "W"),
            tuple("temperature_gpu", 59.0, "Cel"),
            tuple("pcie_link_gen_current", 5.0, "1"), tuple("pcie_link_width_current", 16.0, "1"),
            tuple("encoder_stats_session_count", 0.0, "1"), tuple("encoder_stats_average_fps", 0.0, "{frame}/s"),
            tuple("encoder_stats_average_latency", 0.0, "us"),
            tuple("clocks_current_graphics", 1980.0, "MHz"),
            tuple("clocks_current_sm", 1980.0, "MHz"),
            tuple("clocks_current_memory", 2619.0, "MHz"),
            tuple("clocks_current_video", 1545.0, "MHz"));
    assertThat(batch.points()).allSatisfy(point -> {
      assertThat(point.timestamp()).isEqualTo(NOW);
      assertThat(point.attributes().asMap()).containsEntry("gpu.index", 0L)
          .containsEntry("hw.id", "GPU-00000000-0000-0000-0000-000000000000")
          .containsEntry("hw.model", "NVIDIA H100 80GB HBM3")
          .containsEntry("gpu.pci.bus_id", "00000000:00:09.0")
          .containsEntry("gpu.driver.version", "590.48.01");
    });
    assertThat(batch.points().getFirst().attributes()).isSameAs(batch.points().getLast().attributes());
  }

  @Test
  void utilizationIsAbsentOnAMigEnabledH200() {
    MetricBatch batch = new MetricSamples(Captures.parse(Captures.H200_MIG_LOAD), CLOUDWATCH_AGENT_FIELDS).batch(0, NOW);

    assertThat(batch.points()).extracting(MetricPoint::name)
        .doesNotContain("utilization_gpu", "utilization_memory").contains("memory_used", "power_draw");
  }

  @Test
  void anEmptyFieldListTakesEveryCatalogMetricButNeverIdentityOrOtherFields() {
    MetricBatch batch = new MetricSamples(Captures.parse(Captures.H100_LOAD), List.of()).batch(0, NOW);

    assertThat(batch.points()).extracting(MetricPoint::name)
        .contains("utilization_encoder", "memory_reserved", "clocks_event_reasons_active", "temperature_memory")
        .doesNotContain("index", "uuid", "name", "timestamp", "pci_bus_id", "compute_mode",
            "clocks_event_reasons_supported", "pci_device_id");
  }
}
