package dev.gputel.gpu;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.spi.data.MetricKind;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class GpuMetricTest {
  /** The CloudWatch agent's Linux allow-list (registered_metrics.go), which every catalog must cover. */
  private static final List<String> CLOUDWATCH_AGENT_MEASUREMENTS = List.of(
      "utilization_gpu", "temperature_gpu", "power_draw", "utilization_memory", "fan_speed", "memory_total",
      "memory_used", "memory_free", "pcie_link_gen_current", "pcie_link_width_current",
      "encoder_stats_session_count", "encoder_stats_average_fps", "encoder_stats_average_latency",
      "clocks_current_graphics", "clocks_current_sm", "clocks_current_memory", "clocks_current_video");
  /** CloudWatch's StandardUnit values. */
  private static final Set<String> CLOUDWATCH_UNITS = Set.of("Seconds", "Microseconds", "Milliseconds",
      "Bytes", "Kilobytes", "Megabytes", "Gigabytes", "Terabytes", "Bits", "Kilobits", "Megabits", "Gigabits",
      "Terabits", "Percent", "Count", "Bytes/Second", "Kilobytes/Second", "Megabytes/Second",
      "Gigabytes/Second", "Terabytes/Second", "Bits/Second", "Kilobits/Second", "Megabits/Second",
      "Gigabits/Second", "Terabits/Second", "Count/Second", "None");

  @Test
  void coversEveryMeasurementTheCloudWatchAgentAccepts() {
    for (String measurement : CLOUDWATCH_AGENT_MEASUREMENTS) {
      assertThat(GpuMetric.byId(measurement)).as(measurement).isPresent();
      assertThat(GpuMetric.byId(measurement).orElseThrow().cloudWatchName()).isEqualTo("nvidia_smi_" + measurement);
    }
    assertThat(GpuMetric.byId("nvidia_smi_power_draw")).contains(GpuMetric.POWER_DRAW);
    assertThat(GpuMetric.byId("power")).isEmpty();
  }

  @Test
  void idsFollowTheNvidiaSmiFieldNames() {
    for (GpuMetric metric : GpuMetric.values()) {
      if (metric.smiField() != null) {
        assertThat(metric.id()).as(metric.smiField()).isEqualTo(SmiFields.metricName(metric.smiField()));
        assertThat(GpuMetric.bySmiField(metric.smiField())).contains(metric);
      }
    }
  }

  @Test
  void aliasesFindTheirMetric() {
    assertThat(GpuMetric.bySmiField("clocks.gr")).contains(GpuMetric.CLOCKS_CURRENT_GRAPHICS);
    assertThat(GpuMetric.bySmiField("clocks.mem")).contains(GpuMetric.CLOCKS_CURRENT_MEMORY);
    assertThat(GpuMetric.bySmiField("clocks_throttle_reasons.sw_power_cap"))
        .contains(GpuMetric.CLOCKS_EVENT_REASONS_SW_POWER_CAP);
    assertThat(GpuMetric.bySmiField("clocks.current.graphics [MHz]")).contains(GpuMetric.CLOCKS_CURRENT_GRAPHICS);
    assertThat(GpuIdentityField.bySmiField("gpu_uuid")).contains(GpuIdentityField.UUID);
    assertThat(GpuIdentityField.bySmiField("gpu_bus_id")).contains(GpuIdentityField.PCI_BUS_ID);
  }

  @Test
  void exporterNamesAndUnitsAreValid() {
    for (GpuMetric metric : GpuMetric.values()) {
      assertThat(metric.cloudWatchUnit()).as(metric.id()).isIn(CLOUDWATCH_UNITS);
      assertThat(metric.prometheusName()).as(metric.id()).matches("[a-zA-Z_:][a-zA-Z0-9_:]*");
      assertThat(metric.otelName()).as(metric.id()).matches("[a-z][a-z0-9_.]*");
      assertThat(metric.prometheusName().endsWith("_total")).isEqualTo(metric.kind() == MetricKind.COUNTER);
    }
    assertThat(GpuMetric.UTILIZATION_GPU.prometheusName()).isEqualTo("nvidia_gpu_utilization_gpu_ratio");
    assertThat(GpuMetric.MEMORY_USED.prometheusName()).isEqualTo("nvidia_gpu_memory_used_bytes");
    assertThat(GpuMetric.TOTAL_ENERGY_CONSUMPTION.prometheusName()).isEqualTo("nvidia_gpu_total_energy_consumption_joules_total");
    assertThat(GpuMetric.PCIE_REPLAY_COUNTER.prometheusName()).isEqualTo("nvidia_gpu_pcie_replays_total");
    assertThat(GpuMetric.ENCODER_STATS_SESSION_COUNT.prometheusName()).isEqualTo("nvidia_gpu_encoder_stats_sessions");
    assertThat(GpuMetric.UTILIZATION_GPU.unit().toBase()).isEqualTo(0.01);
    assertThat(GpuMetric.UTILIZATION_GPU.isSemconv()).isTrue();
    assertThat(GpuMetric.MEMORY_FREE.otelName()).isEqualTo("nvidia.gpu.memory_free");
  }

  @Test
  void everyEntryIsDescribed() {
    assertThat(Arrays.stream(GpuMetric.values()).filter(m -> m.description().isBlank() || m.nvml().isBlank())).isEmpty();
  }
}
