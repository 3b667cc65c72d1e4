package dev.gputel.receiver.nvml;

import static dev.gputel.receiver.nvml.Collections.byGpu;
import static dev.gputel.receiver.nvml.Collections.collector;
import static dev.gputel.receiver.nvml.FakeNvml.CURRENT;
import static dev.gputel.receiver.nvml.FakeNvml.LEGACY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.gpu.GpuMetric;
import dev.gputel.spi.component.ComponentStatus;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricKind;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.testing.ManualClock;
import dev.gputel.testing.RecordingTelemetry;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NvmlCollectorTest {
  private final ManualClock clock = ManualClock.atFixedStart();
  private final RecordingTelemetry telemetry = new RecordingTelemetry();

  @BeforeEach
  void eightGpus() {
    CURRENT.reset(8);
    LEGACY.reset(8);
  }

  @Test
  void everyGpuReportsEveryCatalogMetricItHasInNvidiaSmiUnits() {
    MetricBatch batch;
    try (NvmlCollector collector = collector(CURRENT.path(), id -> true, clock, telemetry)) {
      collector.initialiseIfDue();
      batch = collector.collect();
    }

    Map<Long, Map<String, Double>> values = byGpu(batch);
    assertThat(values).hasSize(8);
    for (int i = 0; i < 8; i++) {
      Map<String, Double> expected = FakeGpus.values(i);
      assertThat(values.get((long) i)).as("GPU %d", i).containsExactlyInAnyOrderEntriesOf(expected);
    }
    assertThat(telemetry.statuses()).containsExactly(ComponentStatus.ok());
    assertThat(CURRENT.initCount()).as("NVML shut down on close").isZero();
  }

  @Test
  void pointsCarryTheCatalogUnitKindTimeAndTheGpuIdentity() {
    CURRENT.setMigMode(5, true);
    MetricBatch batch;
    try (NvmlCollector collector = collector(CURRENT.path(), id -> true, clock, telemetry)) {
      collector.initialiseIfDue();
      batch = collector.collect();
    }

    MetricPoint energy = point(batch, 3, "total_energy_consumption");
    assertThat(energy.unit()).isEqualTo("J");
    assertThat(energy.kind()).isEqualTo(MetricKind.COUNTER);
    assertThat(energy.timestamp()).isEqualTo(clock.instant());
    assertThat(point(batch, 3, "memory_used").unit()).isEqualTo("MiBy");
    assertThat(point(batch, 3, "power_draw").kind()).isEqualTo(MetricKind.GAUGE);
    assertThat(energy.attributes().asMap()).containsExactly(
        Map.entry("gpu.index", 3L),
        Map.entry("hw.id", FakeGpus.uuid(3)),
        Map.entry("hw.model", "NVIDIA H100 80GB HBM3"),
        Map.entry("gpu.pci.bus_id", "00000000:5D:00.0"),
        Map.entry("hw.serial_number", "1652323000003"),
        Map.entry("hw.firmware_version", "96.00.99.00.03"),
        Map.entry("gpu.driver.version", "590.48.01"),
        Map.entry("gpu.architecture", "Hopper"),
        Map.entry("gpu.mig.mode", "Disabled"));
    assertThat(point(batch, 5, "utilization_gpu").attributes().get("gpu.mig.mode")).isEqualTo("Enabled");
    for (int i = 0; i < 8; i++) {
      assertThat(point(batch, i, "utilization_gpu").attributes().get("gpu.pci.bus_id")).isEqualTo(FakeGpus.BUS_IDS[i]);
    }
  }

  @Test
  void aReadTheGpuDoesNotSupportIsAbsentWithoutErrorAndNeverAskedAgain() {
    CURRENT.setFieldResult(2, 82, NvmlReturn.NOT_SUPPORTED);
    CURRENT.setResult("nvmlDeviceGetUtilizationRates", 4, NvmlReturn.NOT_SUPPORTED);
    List<MetricBatch> batches;
    try (NvmlCollector collector = collector(CURRENT.path(), id -> true, clock, telemetry)) {
      collector.initialiseIfDue();
      batches = List.of(collector.collect(), collector.collect(), collector.collect());
      assertThat(telemetry.gaugeValue("reads_not_supported")).as("fan x 8, memory temperature, utilization").isEqualTo(10);
    }

    for (MetricBatch batch : batches) {
      Map<Long, Map<String, Double>> values = byGpu(batch);
      assertThat(values.get(2L)).doesNotContainKey("temperature_memory").containsKey("power_draw_average");
      assertThat(values.get(3L)).containsEntry("temperature_memory", 43.0);
      assertThat(values.get(4L)).doesNotContainKeys("utilization_gpu", "utilization_memory").containsKey("memory_used");
      assertThat(values.values()).allSatisfy(gpu -> assertThat(gpu).doesNotContainKey("fan_speed"));
    }
    // Fan speed (NOT_SUPPORTED on every GPU) and GPU 4's utilization were asked in the first collection only.
    assertThat(CURRENT.calls("nvmlDeviceGetFanSpeed")).isEqualTo(8);
    assertThat(CURRENT.calls("nvmlDeviceGetUtilizationRates")).isEqualTo(8 + 7 + 7);
    assertThat(CURRENT.calls("nvmlDeviceGetFieldValues")).as("one batched call per GPU and collection").isEqualTo(24);
    assertThat(telemetry.count("read_errors", Map.of("code", "NOT_SUPPORTED"))).isZero();
    assertThat(telemetry.statuses()).containsExactly(ComponentStatus.ok());
  }

  @Test
  void noPermissionIsAbsentButAskedAgain() {
    CURRENT.setResult("nvmlDeviceGetPowerUsage", 1, NvmlReturn.NO_PERMISSION);
    try (NvmlCollector collector = collector(CURRENT.path(), id -> true, clock, telemetry)) {
      collector.initialiseIfDue();
      assertThat(byGpu(collector.collect()).get(1L)).doesNotContainKey("power_draw");
      CURRENT.setResult("nvmlDeviceGetPowerUsage", 1, NvmlReturn.SUCCESS);
      assertThat(byGpu(collector.collect()).get(1L)).containsEntry("power_draw", 69.123);
    }
    assertThat(telemetry.count("read_errors", Map.of("code", "NO_PERMISSION"))).isZero();
  }

  @Test
  void otherFailuresAreAbsentCountedAndAskedAgain() {
    CURRENT.setResult("nvmlDeviceGetTemperature", 6, NvmlReturn.UNKNOWN);
    CURRENT.setFieldResult(6, 83, NvmlReturn.TIMEOUT);
    try (NvmlCollector collector = collector(CURRENT.path(), id -> true, clock, telemetry)) {
      collector.initialiseIfDue();
      Map<String, Double> gpu6 = byGpu(collector.collect()).get(6L);
      assertThat(gpu6).doesNotContainKeys("temperature_gpu", "total_energy_consumption").containsKey("power_draw");
      collector.collect();
    }
    assertThat(CURRENT.calls("nvmlDeviceGetTemperature")).isEqualTo(16);
    assertThat(telemetry.count("read_errors", Map.of("code", "UNKNOWN"))).isEqualTo(2);
    assertThat(telemetry.count("read_errors", Map.of("code", "TIMEOUT"))).isEqualTo(2);
    assertThat(telemetry.statuses()).containsExactly(ComponentStatus.ok());
  }

  @Test
  void onlyWantedMetricsAreRead() {
    Set<String> wanted = Set.of("utilization_gpu", "memory_used");
    MetricBatch batch;
    try (NvmlCollector collector = collector(CURRENT.path(), wanted::contains, clock, telemetry)) {
      collector.initialiseIfDue();
      batch = collector.collect();
    }

    assertThat(batch.points()).extracting(MetricPoint::name).containsOnly("utilization_gpu", "memory_used").hasSize(16);
    assertThat(CURRENT.calls("nvmlDeviceGetFieldValues")).isZero();
    assertThat(CURRENT.calls("nvmlDeviceGetClockInfo")).isZero();
    assertThat(CURRENT.calls("nvmlDeviceGetUtilizationRates")).isEqualTo(8);
    assertThat(CURRENT.calls("nvmlDeviceGetMemoryInfo_v2")).isEqualTo(8);
  }

  @Test
  void anOldDriverIsReadThroughTheOlderSymbols() {
    MetricBatch batch;
    try (NvmlCollector collector = collector(LEGACY.path(), id -> true, clock, telemetry)) {
      collector.initialiseIfDue();
      batch = collector.collect();
    }

    Map<Long, Map<String, Double>> values = byGpu(batch);
    for (int i = 0; i < 8; i++) {
      Map<String, Double> expected = new HashMap<>(FakeGpus.values(i));
      // nvmlDeviceGetMemoryInfo (v1): used includes the 478.25 MiB reserved, which it does not report.
      expected.remove("memory_reserved");
      expected.put("memory_used", Math.ceil(1000.0 * i + 12345 / 1048576.0 + 478.25));
      assertThat(values.get((long) i)).as("GPU %d", i).containsExactlyInAnyOrderEntriesOf(expected);
      assertThat(point(batch, i, "memory_used").attributes().get("gpu.pci.bus_id"))
          .as("built from nvmlDeviceGetPciInfo_v2's numbers").isEqualTo(FakeGpus.BUS_IDS[i]);
    }
    assertThat(LEGACY.calls("nvmlInit")).isEqualTo(1);
    assertThat(LEGACY.calls("nvmlDeviceGetHandleByIndex")).isEqualTo(8);
    assertThat(LEGACY.calls("nvmlDeviceGetPciInfo_v2")).isEqualTo(8);
    assertThat(LEGACY.calls("nvmlDeviceGetMemoryInfo")).isEqualTo(8);
    assertThat(LEGACY.calls("nvmlDeviceGetCurrentClocksThrottleReasons")).isEqualTo(8);
  }

  @Test
  void aGpuThatRefusesMemoryInfoV2IsReadWithV1FromThenOn() {
    CURRENT.setResult("nvmlDeviceGetMemoryInfo_v2", 0, NvmlReturn.FUNCTION_NOT_FOUND);
    Map<String, Double> gpu0;
    try (NvmlCollector collector = collector(CURRENT.path(), id -> true, clock, telemetry)) {
      collector.initialiseIfDue();
      collector.collect();
      gpu0 = byGpu(collector.collect()).get(0L);
    }

    assertThat(gpu0).containsEntry("memory_used", 479.0).containsEntry("memory_total", 81559.0)
        .doesNotContainKey("memory_reserved");
    assertThat(CURRENT.calls("nvmlDeviceGetMemoryInfo_v2")).as("GPU 0 once, the others twice").isEqualTo(1 + 7 * 2);
    assertThat(CURRENT.calls("nvmlDeviceGetMemoryInfo")).isEqualTo(2);
  }

  @Test
  void everyCatalogMetricHasAnNvmlReader() {
    for (GpuMetric metric : GpuMetric.values()) {
      assertThat(NvmlCatalog.reader(metric)).as(metric.id()).isPresent();
    }
    assertThat(FakeGpus.values(0).keySet()).as("the test expectations cover the catalog")
        .containsAll(java.util.Arrays.stream(GpuMetric.values()).map(GpuMetric::id)
            .filter(id -> !id.equals("fan_speed")).toList());
  }

  private static MetricPoint point(MetricBatch batch, int gpu, String name) {
    return batch.points().stream()
        .filter(p -> p.name().equals(name) && p.attributes().get("gpu.index").equals((long) gpu))
        .findFirst().orElseThrow();
  }
}
