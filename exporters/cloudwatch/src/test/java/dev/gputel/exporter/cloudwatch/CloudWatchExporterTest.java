package dev.gputel.exporter.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the exporter sends to (a fake) CloudWatch through the real SDK client. */
class CloudWatchExporterTest {

  @Test
  void publishesTheCloudWatchAgentsNamesAndDimensions() throws Exception {
    try (Harness h = new Harness("")) {
      h.exporter.exportMetrics(h.sample(4));

      List<FakeCloudWatch.Received> data = h.fake.received();
      assertThat(data).hasSize(16);
      assertThat(data).allSatisfy(d -> {
        assertThat(d.namespace()).isEqualTo("CWAgent");
        assertThat(d.unit()).isEqualTo("None");
        assertThat(d.storageResolution()).isNull();
        assertThat(d.timestampMillis()).isEqualTo(Harness.START.toEpochMilli());
      });
      assertThat(data.getFirst().name()).isEqualTo("nvidia_smi_utilization_gpu");
      assertThat(data.getFirst().dimensions()).isEqualTo(Map.of("host", Harness.HOST, "index", "0",
          "name", "NVIDIA H100 80GB HBM3", "arch", "Hopper"));
      assertThat(data.getFirst().values()).containsExactly(100.0);
      assertThat(data.getFirst().counts()).containsExactly(1.0);
      // GPU 3 has no arch: the dimension is left out, as the agent leaves out an empty tag.
      assertThat(data.get(12).dimensions()).doesNotContainKey("arch").containsEntry("index", "3");
      assertThat(data).extracting(FakeCloudWatch.Received::name).containsOnly("nvidia_smi_utilization_gpu",
          "nvidia_smi_memory_used", "nvidia_smi_power_draw", "nvidia_smi_temperature_gpu");
      assertThat(data.get(2).values()).containsExactly(600.25);
      assertThat(h.fake.violations()).isEmpty();
      assertThat(h.telemetry.count("cloudwatch_datums_sent")).isEqualTo(16);
      assertThat(h.telemetry.count("cloudwatch_requests_sent")).isEqualTo(1);
    }
  }

  @Test
  void credentialsAndRegionComeFromTheSdksDefaultChain() throws Exception {
    // No region in the configuration: the SDK's chain reads the aws.region system property first.
    System.setProperty("aws.region", "eu-west-1");
    try (Harness h = new Harness("region = null")) {
      h.exporter.exportMetrics(h.sample(1));

      assertThat(h.fake.credentialScopes()).singleElement().asString()
          .matches("AKIAIOSFODNN7EXAMPLE/\\d{8}/eu-west-1/monitoring/aws4_request");
    } finally {
      System.clearProperty("aws.region");
    }
    try (Harness h = new Harness("")) {
      h.exporter.exportMetrics(h.sample(1));

      assertThat(h.fake.credentialScopes()).singleElement().asString().contains("/us-east-1/monitoring/");
    }
  }

  @Test
  void highResolutionUnderAMinuteAndProperUnitsOnRequest() throws Exception {
    try (Harness h = new Harness("metrics-collection-interval = 10s, units = proper")) {
      h.exporter.exportMetrics(h.sample(1));

      assertThat(h.fake.received()).allSatisfy(d -> assertThat(d.storageResolution()).isEqualTo(1));
      assertThat(h.fake.received()).extracting(FakeCloudWatch.Received::unit)
          .containsExactly("Percent", "Megabytes", "None", "None");
    }
  }

  @Test
  void notFiniteAndOutOfRangeValuesAreDroppedAndCounted() throws Exception {
    try (Harness h = new Harness("")) {
      var gpu = Harness.gpu(0);
      h.exporter.exportMetrics(new MetricBatch(Harness.sample(0, Harness.START).resource(), List.of(
          MetricPoint.gauge("utilization_gpu", Double.NaN, "%", Harness.START, gpu),
          MetricPoint.gauge("utilization_gpu", Double.POSITIVE_INFINITY, "%", Harness.START, gpu),
          MetricPoint.gauge("power_draw", 0x1p361, "W", Harness.START, gpu),
          MetricPoint.gauge("power_draw", -0x1p360, "W", Harness.START, gpu),
          MetricPoint.gauge("memory_used", 5, "MiBy", Harness.START.minus(java.time.Duration.ofDays(15)), gpu),
          MetricPoint.gauge("memory_used", 6, "MiBy", Harness.START.plus(java.time.Duration.ofHours(3)), gpu))));

      assertThat(h.fake.received()).singleElement().satisfies(d -> assertThat(d.values()).containsExactly(-0x1p360));
      assertThat(h.telemetry.count("cloudwatch_points_dropped", Map.of("reason", "not_finite"))).isEqualTo(2);
      assertThat(h.telemetry.count("cloudwatch_points_dropped", Map.of("reason", "out_of_range"))).isEqualTo(1);
      assertThat(h.telemetry.count("cloudwatch_points_dropped", Map.of("reason", "out_of_time_window"))).isEqualTo(2);
      assertThat(h.fake.violations()).isEmpty();
    }
  }
}
