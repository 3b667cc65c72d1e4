package dev.gputel.processor.workloadprofile;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import dev.gputel.spi.component.ComponentId;
import dev.gputel.spi.component.ComponentKind;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.spi.data.Resource;
import dev.gputel.testing.ManualClock;
import dev.gputel.testing.RecordingTelemetry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkloadProfileProcessorTest {
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final Attributes GPU0 = Attributes.of("gpu.index", 0L);

  private final RecordingTelemetry telemetry = new RecordingTelemetry();

  @Test
  void dropsCatalogMetricsOutsideTheProfileAndCountsThem() {
    WorkloadProfileProcessor processor = processor("profile = compute");

    MetricBatch out = processor.processMetrics(batch("utilization_gpu", "temperature_gpu", "power_draw",
        "encoder_stats_average_fps"));

    assertThat(out.points()).extracting(MetricPoint::name).containsExactly("utilization_gpu", "power_draw");
    assertThat(out.resource()).isEqualTo(Resource.empty());
    assertThat(telemetry.count("filtered_points")).isEqualTo(2);
  }

  @Test
  void metricsOutsideTheCatalogPassUnchanged() {
    WorkloadProfileProcessor processor = processor("profile = custom, include-metrics = [utilization_gpu]");

    MetricBatch out = processor.processMetrics(batch("load1", "nvidia_smi_temperature_gpu", "temperature_gpu"));

    assertThat(out.points()).extracting(MetricPoint::name).containsExactly("load1", "nvidia_smi_temperature_gpu");
    assertThat(processor.keepsMetric("load1")).isTrue();
  }

  @Test
  void aBatchWithNothingToDropIsPassedOnAsItIs() {
    WorkloadProfileProcessor processor = processor("profile = full");
    MetricBatch batch = batch("utilization_gpu", "temperature_gpu");

    assertThat(processor.processMetrics(batch)).isSameAs(batch);
    assertThat(telemetry.count("filtered_points")).isZero();
  }

  @Test
  void keepsMetricAnswersExactlyAsProcessMetricsActs() {
    WorkloadProfileProcessor processor = processor("profile = graphics, include-metrics = [fan_speed], exclude-metrics = [memory_free]");
    List<String> names = new ArrayList<>(GpuCatalog.ids());
    names.add("load1");

    for (String name : names) {
      boolean passed = !processor.processMetrics(batch(name)).points().isEmpty();
      assertThat(processor.keepsMetric(name)).as(name).isEqualTo(passed);
    }
    assertThat(processor.keepsMetric("fan_speed")).isTrue();
    assertThat(processor.keepsMetric("memory_free")).isFalse();
    assertThat(processor.keepsMetric("power_draw")).isFalse();
  }

  private WorkloadProfileProcessor processor(String body) {
    var config = ConfigFactory.parseString(body)
        .withFallback(ConfigFactory.parseResources("reference.conf").getConfig("gputel.processors.workload-profile"))
        .resolve();
    ComponentSettings settings = new ComponentSettings(
        new ComponentId(ComponentKind.PROCESSOR, "workload-profile", ""), telemetry,
        ManualClock.atFixedStart(), Path.of("unused"), "test");
    return new WorkloadProfileProcessor(WorkloadProfileConfig.from(config), settings);
  }

  private static MetricBatch batch(String... names) {
    List<MetricPoint> points = new ArrayList<>();
    for (String name : names) {
      points.add(MetricPoint.gauge(name, 1, "1", NOW, GPU0));
    }
    return new MetricBatch(Resource.empty(), points);
  }
}
