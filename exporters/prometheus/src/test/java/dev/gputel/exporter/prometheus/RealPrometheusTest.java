package dev.gputel.exporter.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gputel.testing.ManualClock;
import dev.gputel.testing.RecordingTelemetry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real Prometheus scrapes the exporter: the series arrive with their labels and values, and a GPU
 * that leaves the batches goes stale at the next scrape.
 */
class RealPrometheusTest {
  private static final Duration SCRAPED = Duration.ofSeconds(30);

  @TempDir Path directory;
  private PrometheusExporter exporter;

  @AfterEach
  void stop() {
    if (exporter != null) {
      exporter.shutdown();
    }
  }

  @Test
  void prometheusStoresOurSeriesAndSeesAVanishedGpuGoStale() throws Exception {
    exporter = Exporters.create("port = 0", ManualClock.atFixedStart(), new RecordingTelemetry(), directory);
    exporter.start(new SelfTelemetryHost());
    exporter.exportMetrics(TestGpus.batch(0, 1));
    exporter.exportEvents(TestXids.batch(TestXids.xid("a", 1, 79, "FATAL")));

    try (PrometheusServer prometheus = PrometheusServer.start(directory, exporter.port())) {
      Awaitility.await("both GPUs scraped").atMost(SCRAPED)
          .until(() -> prometheus.query("nvidia_gpu_utilization_gpu_ratio").size() == 2);

      List<Map<String, String>> series = series(prometheus.query("nvidia_gpu_utilization_gpu_ratio"));
      assertThat(series).containsExactlyInAnyOrder(
          Map.of("__name__", "nvidia_gpu_utilization_gpu_ratio", "job", "gputel",
              "instance", "127.0.0.1:" + exporter.port(), "gpu", "0", "uuid", "GPU-00000000-0000-0000-0000-000000000000",
              "model", "NVIDIA H100 80GB HBM3", "pci_bus_id", "00000000:00:00.0", "value", "0.1"),
          Map.of("__name__", "nvidia_gpu_utilization_gpu_ratio", "job", "gputel",
              "instance", "127.0.0.1:" + exporter.port(), "gpu", "1", "uuid", "GPU-00000000-0000-0000-0000-000000000001",
              "model", "NVIDIA H100 80GB HBM3", "pci_bus_id", "00000000:01:00.0", "value", "0.2"));
      assertThat(values(prometheus.query("nvidia_gpu_memory_used_bytes{gpu=\"1\"}"))).containsExactly("27262976");
      assertThat(values(prometheus.query("nvidia_gpu_xid_errors_total{uuid=\"GPU-00000000-0000-0000-0000-000000000001\",xid=\"79\",severity=\"FATAL\"}")))
          .containsExactly("1");
      assertThat(values(prometheus.query("gputel_agent_info{version=\"0.1.0\"}"))).containsExactly("1");
      assertThat(values(prometheus.query("up{job=\"gputel\"}"))).containsExactly("1");
      // Prometheus asks for OpenMetrics, where a counter's family name has no _total.
      JsonNode metadata = prometheus.api("/api/v1/metadata?metric=nvidia_gpu_total_energy_consumption_joules")
          .path("nvidia_gpu_total_energy_consumption_joules").path(0);
      assertThat(metadata.path("type").asText()).as(metadata.toString()).isEqualTo("counter");
      assertThat(metadata.path("unit").asText()).isEqualTo("joules");
      assertThat(metadata.path("help").asText()).startsWith("Energy used since the driver was loaded");

      exporter.exportMetrics(TestGpus.batch(0)); // GPU 1 is gone from the host.

      Awaitility.await("GPU 1 stale").atMost(SCRAPED)
          .until(() -> prometheus.query("nvidia_gpu_utilization_gpu_ratio").size() == 1);
      assertThat(series(prometheus.query("nvidia_gpu_utilization_gpu_ratio")))
          .extracting(s -> s.get("gpu")).containsExactly("0");
      assertThat(prometheus.query("count(nvidia_gpu_info)").path(0).path("value").path(1).asText()).isEqualTo("1");
      assertThat(values(prometheus.query("nvidia_gpu_xid_errors_total{gpu=\"1\"}")))
          .as("the Xid count outlives the GPU's metrics").containsExactly("1");
      assertThat(prometheus.query("nvidia_gpu_utilization_gpu_ratio{gpu=\"1\"}[1m]").path(0).path("values").size())
          .as("GPU 1 was stored before it went stale").isPositive();
    }
  }

  /** Each result's labels, with its value under "value". */
  private static List<Map<String, String>> series(JsonNode result) {
    List<Map<String, String>> series = new ArrayList<>();
    for (JsonNode sample : result) {
      Map<String, String> labels = new TreeMap<>();
      sample.path("metric").fields().forEachRemaining(field -> labels.put(field.getKey(), field.getValue().asText()));
      labels.put("value", sample.path("value").path(1).asText());
      series.add(labels);
    }
    return series;
  }

  private static List<String> values(JsonNode result) {
    List<String> values = new ArrayList<>();
    result.forEach(sample -> values.add(sample.path("value").path(1).asText()));
    return values;
  }
}
