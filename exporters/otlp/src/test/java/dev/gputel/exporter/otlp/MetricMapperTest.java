package dev.gputel.exporter.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.gpu.GpuMetric;
import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.testing.RecordingTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.metrics.data.PointData;
import io.opentelemetry.sdk.resources.Resource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class MetricMapperTest {
  private static final long START = MetricMapper.nanos(Instant.parse("2026-07-14T08:00:00Z"));
  private static final long T = MetricMapper.nanos(TestBatches.T);

  private final RecordingTelemetry telemetry = new RecordingTelemetry();

  private Map<String, MetricData> map(Naming naming, MetricBatch batch) {
    MetricMapper mapper = new MetricMapper(MetricNaming.of(naming), InstrumentationScopeInfo.create("gputel"),
        () -> START, telemetry.counter("points_unit_mismatch", "x"), LoggerFactory.getLogger("test"));
    return mapper.map(batch, Resource.empty()).stream().collect(Collectors.toMap(MetricData::getName, m -> m));
  }

  private static DoublePointData point(MetricData metric, String key, String value) {
    List<? extends PointData> points = List.copyOf(metric.getData().getPoints());
    return (DoublePointData) points.stream()
        .filter(p -> key == null || value.equals(p.getAttributes().get(AttributeKey.stringKey(key))))
        .findFirst().orElseThrow(() -> new AssertionError(metric.getName() + " has no point with " + key + "=" + value));
  }

  @Test
  void semconvNamesUnitsAndBaseUnitValues() {
    Map<String, MetricData> out = map(Naming.SEMCONV, TestBatches.gpu());

    assertThat(out.keySet()).containsExactlyInAnyOrder("hw.gpu.utilization", "nvidia.gpu.utilization_memory",
        "hw.gpu.memory.usage", "hw.gpu.memory.limit", "hw.power", "hw.energy", "hw.temperature", "hw.errors",
        "nvidia.gpu.remapped_rows_failure", "nvidia.gpu.clocks_current_sm",
        "hw.gpu.memory.utilization", "hw.status");
    MetricData utilization = out.get("hw.gpu.utilization");
    assertThat(utilization.getUnit()).isEqualTo("1");
    assertThat(utilization.getType()).isEqualTo(MetricDataType.DOUBLE_GAUGE);
    assertThat(point(utilization, "hw.gpu.task", "general").getValue()).isEqualTo(0.87);
    assertThat(point(utilization, "hw.gpu.task", "encoder").getValue()).isEqualTo(0.05);
    assertThat(point(utilization, "hw.gpu.task", "decoder").getValue()).isEqualTo(0.0);
    assertThat(out.get("nvidia.gpu.utilization_memory").getUnit()).isEqualTo("1");
    assertThat(point(out.get("nvidia.gpu.utilization_memory"), null, null).getValue()).isEqualTo(0.40);

    MetricData used = out.get("hw.gpu.memory.usage");
    assertThat(used.getUnit()).isEqualTo("By");
    assertThat(used.getType()).isEqualTo(MetricDataType.DOUBLE_SUM);
    assertThat(used.getDoubleSumData().isMonotonic()).as("an UpDownCounter").isFalse();
    assertThat(point(used, null, null).getValue()).isEqualTo(40960.0 * 1024 * 1024);
    assertThat(point(out.get("hw.gpu.memory.limit"), null, null).getValue()).isEqualTo(81920.0 * 1024 * 1024);
    assertThat(point(out.get("hw.gpu.memory.utilization"), null, null).getValue()).isEqualTo(0.5);

    assertThat(out.get("hw.power").getUnit()).isEqualTo("W");
    assertThat(point(out.get("hw.power"), "hw.type", "gpu").getValue()).isEqualTo(631.95);
    MetricData energy = out.get("hw.energy");
    assertThat(energy.getUnit()).isEqualTo("J");
    assertThat(energy.getDoubleSumData().isMonotonic()).isTrue();
    assertThat(point(energy, "hw.type", "gpu").getValue()).isEqualTo(123456.789);
    assertThat(point(out.get("hw.temperature"), "hw.sensor_location", "gpu").getValue()).isEqualTo(61);
    assertThat(point(out.get("hw.temperature"), "hw.sensor_location", "memory").getValue()).isEqualTo(70);
    assertThat(out.get("hw.temperature").getUnit()).isEqualTo("Cel");
    MetricData errors = out.get("hw.errors");
    assertThat(errors.getUnit()).isEqualTo("{error}");
    assertThat(point(errors, "error.type", "corrected").getValue()).isEqualTo(3);
    assertThat(point(errors, "error.type", "uncorrected").getAttributes().get(AttributeKey.stringKey("hw.type")))
        .isEqualTo("gpu");
    assertThat(out.get("nvidia.gpu.clocks_current_sm").getUnit()).isEqualTo("Hz");
    assertThat(point(out.get("nvidia.gpu.clocks_current_sm"), null, null).getValue()).isEqualTo(1.98e9);
  }

  @Test
  void everyPointKeepsItsGpuIdentityAndExactTimestamp() {
    Map<String, MetricData> out = map(Naming.SEMCONV, TestBatches.gpu());

    for (MetricData metric : out.values()) {
      for (PointData point : metric.getData().getPoints()) {
        assertThat(point.getEpochNanos()).as(metric.getName()).isEqualTo(T);
        assertThat(point.getAttributes().get(AttributeKey.stringKey("hw.id"))).as(metric.getName())
            .isEqualTo(TestBatches.UUID);
        assertThat(point.getAttributes().get(AttributeKey.longKey("gpu.index"))).isZero();
        assertThat(point.getAttributes().get(AttributeKey.stringKey("hw.model"))).isEqualTo("NVIDIA H100 80GB HBM3");
        assertThat(point.getAttributes().get(AttributeKey.stringKey("gpu.driver.version"))).isEqualTo("590.48.01");
      }
    }
    assertThat(point(out.get("hw.gpu.utilization"), null, null).getStartEpochNanos()).as("gauges have no start").isZero();
    assertThat(point(out.get("hw.energy"), null, null).getStartEpochNanos()).as("sums start with the exporter")
        .isEqualTo(START);
  }

  @Test
  void aSpooledPointOlderThanTheExporterStartsWhenItWasTaken() {
    Instant old = Instant.parse("2026-07-13T00:00:00Z");
    MetricBatch batch = new MetricBatch(TestBatches.RESOURCE, List.of(new MetricPoint("total_energy_consumption", 5, "J",
        dev.gputel.spi.data.MetricKind.COUNTER, old, TestBatches.GPU)));

    DoublePointData point = point(map(Naming.SEMCONV, batch).get("hw.energy"), null, null);

    assertThat(point.getStartEpochNanos()).isEqualTo(point.getEpochNanos()).isEqualTo(MetricMapper.nanos(old));
  }

  @Test
  void hwStatusReportsOnlyTheFailedStateFromRowRemapping() {
    MetricBatch failed = new MetricBatch(TestBatches.RESOURCE,
        List.of(MetricPoint.gauge("remapped_rows_failure", 1, "1", TestBatches.T, TestBatches.GPU)));

    MetricData status = map(Naming.SEMCONV, failed).get("hw.status");

    assertThat(status.getType()).isEqualTo(MetricDataType.LONG_SUM);
    assertThat(status.getLongSumData().isMonotonic()).isFalse();
    LongPointData point = status.getLongSumData().getPoints().iterator().next();
    assertThat(point.getValue()).isEqualTo(1);
    assertThat(point.getAttributes().get(AttributeKey.stringKey("hw.state"))).isEqualTo("failed");
    assertThat(point.getAttributes().get(AttributeKey.stringKey("hw.type"))).isEqualTo("gpu");
    assertThat(map(Naming.SEMCONV, TestBatches.gpu()).get("hw.status").getLongSumData().getPoints())
        .singleElement().extracting(LongPointData::getValue).isEqualTo(0L);
  }

  @Test
  void memoryUtilizationNeedsUsedAndTotalOfTheSameGpu() {
    Attributes other = TestBatches.GPU.with("gpu.index", 1L).with("hw.id", "GPU-1");
    MetricBatch batch = new MetricBatch(TestBatches.RESOURCE, List.of(
        MetricPoint.gauge("memory_used", 10, "MiBy", TestBatches.T, TestBatches.GPU),
        MetricPoint.gauge("memory_total", 40, "MiBy", TestBatches.T, other)));

    assertThat(map(Naming.SEMCONV, batch)).doesNotContainKey("hw.gpu.memory.utilization");
  }

  @Test
  void cloudWatchAgentNamingKeepsNvidiaSmiNamesValuesAndDimensions() {
    Map<String, MetricData> out = map(Naming.CLOUDWATCH_AGENT, TestBatches.gpu());

    assertThat(out).doesNotContainKeys("hw.status", "hw.gpu.memory.utilization");
    MetricData utilization = out.get("nvidia_smi_utilization_gpu");
    assertThat(utilization.getUnit()).isEqualTo("Percent");
    assertThat(utilization.getType()).isEqualTo(MetricDataType.DOUBLE_GAUGE);
    DoublePointData point = point(utilization, null, null);
    assertThat(point.getValue()).isEqualTo(87);
    assertThat(point.getAttributes().get(AttributeKey.stringKey("host"))).isEqualTo("gpu-1");
    assertThat(point.getAttributes().get(AttributeKey.longKey("index"))).isZero();
    assertThat(point.getAttributes().get(AttributeKey.stringKey("name"))).isEqualTo("NVIDIA H100 80GB HBM3");
    assertThat(point.getAttributes().get(AttributeKey.stringKey("uuid"))).isEqualTo(TestBatches.UUID);
    assertThat(point.getAttributes().get(AttributeKey.stringKey("hw.id"))).isNull();
    assertThat(out.get("nvidia_smi_memory_used").getUnit()).isEqualTo("Megabytes");
    assertThat(point(out.get("nvidia_smi_memory_used"), null, null).getValue()).isEqualTo(40960);
    assertThat(out.get("nvidia_smi_total_energy_consumption").getType()).as("counters as the agent sends them")
        .isEqualTo(MetricDataType.DOUBLE_GAUGE);
  }

  @Test
  void pluginMetricsAndPointsInAnUnexpectedUnitPassThroughUnscaled() {
    MetricBatch batch = new MetricBatch(TestBatches.RESOURCE, List.of(
        MetricPoint.gauge("system_load1", 0.42, "1", TestBatches.T, Attributes.empty()),
        MetricPoint.gauge("memory_used", 1.5e9, "By", TestBatches.T, TestBatches.GPU)));

    Map<String, MetricData> out = map(Naming.SEMCONV, batch);

    assertThat(point(out.get("system_load1"), null, null).getValue()).isEqualTo(0.42);
    assertThat(out.get("memory_used").getUnit()).isEqualTo("By");
    assertThat(point(out.get("memory_used"), null, null).getValue()).isEqualTo(1.5e9);
    assertThat(out).doesNotContainKey("hw.gpu.memory.usage");
    assertThat(telemetry.count("points_unit_mismatch")).isEqualTo(1);
  }

  @Test
  void everySemconvNameOfTheCatalogIsKnownWithTheCatalogsBaseUnit() {
    for (GpuMetric metric : GpuMetric.values()) {
      if (metric.isSemconv()) {
        SemconvMetric semconv = SemconvMetric.byName(metric.otelName()).orElseThrow();
        String unit = semconv.unit().startsWith("{") ? "1" : semconv.unit();
        assertThat(unit).as(metric.id()).isEqualTo(metric.unit().base());
      }
    }
  }
}
