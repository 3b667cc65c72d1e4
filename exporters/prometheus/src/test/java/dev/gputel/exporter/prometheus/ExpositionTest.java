package dev.gputel.exporter.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gputel.gpu.GpuMetric;
import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricKind;
import dev.gputel.spi.data.Resource;
import dev.gputel.testing.ManualClock;
import dev.gputel.testing.RecordingTelemetry;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What /metrics serves for two GPUs with the full catalog, an Xid and self-telemetry; promtool's verdict. */
class ExpositionTest {
  private static final String GPU0 = "gpu=\"0\",model=\"NVIDIA H100 80GB HBM3\",pci_bus_id=\"00000000:00:00.0\","
      + "uuid=\"GPU-00000000-0000-0000-0000-000000000000\"";

  @TempDir Path state;
  private PrometheusExporter exporter;

  @AfterEach
  void stop() {
    if (exporter != null) {
      exporter.shutdown();
    }
  }

  @Test
  void everyCatalogMetricIsServedInItsBaseUnitWithHelpTypeAndGpuLabels() throws Exception {
    String body = scrape("port = 0");
    Map<String, Double> samples = Exposition.samples(body);

    for (GpuMetric metric : GpuMetric.values()) {
      String name = metric.prometheusName();
      assertThat(samples.get(name + "{" + GPU0 + "}")).as(name)
          .isCloseTo(TestGpus.value(0, metric) * metric.unit().toBase(), within(1e-6));
      assertThat(body).as(name).contains("# TYPE " + name + " " + (metric.kind() == MetricKind.COUNTER ? "counter" : "gauge"))
          .contains("# HELP " + name + " " + metric.description());
    }
    assertThat(samples).containsEntry("nvidia_gpu_utilization_gpu_ratio{" + GPU0 + "}", 0.1)
        .containsEntry("nvidia_gpu_memory_used_bytes{" + GPU0 + "}", 16.0 * 1024 * 1024)
        .containsEntry("nvidia_gpu_clocks_current_sm_hertz{" + GPU0.replace("\"0\"", "\"1\"").replace("00:00.0", "01:00.0")
            .replace("000000000000\"", "000000000001\"") + "}", (20.0 + GpuMetric.CLOCKS_CURRENT_SM.ordinal()) * 1e6)
        .containsEntry("nvidia_gpu_info{driver_version=\"590.48.01\"," + GPU0.replace(",uuid", ",serial=\"1650000000000\",uuid")
            + ",vbios_version=\"96.00.99.00.01\"}", 1.0)
        .containsEntry("nvidia_gpu_xid_errors_total{" + GPU0.replace(",uuid", ",severity=\"FATAL\",uuid") + ",xid=\"79\"}", 2.0)
        .containsEntry("gputel_agent_info{version=\"0.1.0\"}", 1.0)
        .containsEntry("gputel_exporter_sent_items_total{exporter=\"prometheus\",signal=\"metrics\"}", 42.0);
    assertThat(samples.keySet().stream().filter(k -> k.startsWith("nvidia_gpu_utilization_gpu_ratio{"))).hasSize(2);
  }

  @Test
  void promtoolAcceptsTheExpositionWithoutErrorsOrLintFindings() throws Exception {
    Promtool.Check check = Promtool.checkMetrics(scrape("port = 0"));

    assertThat(check.output()).as("promtool's findings").isEmpty();
    assertThat(check.exitCode()).isZero();
  }

  @Test
  void dcgmNamingUsesDcgmExporterNamesUnitsAndLabels() throws Exception {
    String body = scrape("port = 0, naming = dcgm");
    Map<String, Double> samples = Exposition.samples(body);
    String labels = "DCGM_FI_DRIVER_VERSION=\"590.48.01\",Hostname=\"node-1\",UUID=\"GPU-00000000-0000-0000-0000-000000000000\","
        + "device=\"nvidia0\",gpu=\"0\",modelName=\"NVIDIA H100 80GB HBM3\",pci_bus_id=\"00000000:00:00.0\"";

    assertThat(samples)
        .containsEntry("DCGM_FI_DEV_GPU_UTIL{" + labels + "}", TestGpus.value(0, GpuMetric.UTILIZATION_GPU))
        .containsEntry("DCGM_FI_DEV_FB_USED{" + labels + "}", TestGpus.value(0, GpuMetric.MEMORY_USED))
        .containsEntry("DCGM_FI_DEV_SM_CLOCK{" + labels + "}", TestGpus.value(0, GpuMetric.CLOCKS_CURRENT_SM))
        .containsEntry("DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION{" + labels + "}",
            TestGpus.value(0, GpuMetric.TOTAL_ENERGY_CONSUMPTION) * 1000)
        .containsEntry("DCGM_EXP_XID_ERRORS_COUNT{" + labels + ",severity=\"FATAL\",xid=\"79\"}", 2.0)
        .containsEntry("DCGM_FI_DEV_XID_ERRORS{" + labels + "}", 79.0)
        .as("a metric DCGM has no field for keeps its Prometheus name and base unit")
        .containsEntry("nvidia_gpu_clocks_current_graphics_hertz{" + labels + "}",
            TestGpus.value(0, GpuMetric.CLOCKS_CURRENT_GRAPHICS) * 1e6);
    assertThat(body).contains("# TYPE DCGM_FI_DEV_GPU_UTIL gauge")
        .contains("# TYPE DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION untyped")
        .contains("# HELP DCGM_FI_DEV_FB_USED Device memory allocated by active contexts (in MiB)");
    for (GpuMetric metric : GpuMetric.values()) {
      String name = DcgmNames.fieldName(metric) != null ? DcgmNames.fieldName(metric) : metric.prometheusName();
      assertThat(samples).as(name).containsKey(name + "{" + labels + "}");
    }

    // dcgm-exporter's own names break two lint rules; nothing else may.
    Promtool.Check check = Promtool.checkMetrics(body);
    assertThat(check.output().lines().filter(line -> !line.endsWith("label names should be written in 'snake_case' not 'camelCase'")))
        .containsExactly("DCGM_FI_DEV_PCIE_REPLAY_COUNTER metric name should not include type 'counter'");
  }

  @Test
  void resourceAttributesBecomeLabelsWhenChosen() throws Exception {
    exporter = Exporters.create("port = 0, resource-attributes = [cloud.region, host.name, missing.key]",
        ManualClock.atFixedStart(), new RecordingTelemetry(), state);
    exporter.start(new SelfTelemetryHost());
    exporter.exportMetrics(TestGpus.batch(new Resource(Attributes.of("cloud.region", "eu-west-1", "host.name", "node-1")), 0));

    assertThat(Exposition.samples(Exporters.get(exporter, "/metrics").body()))
        .containsKey("nvidia_gpu_power_draw_watts{cloud_region=\"eu-west-1\"," + GPU0.replace(",uuid", ",uuid")
            .replace("gpu=\"0\"", "gpu=\"0\",host_name=\"node-1\"") + "}");
  }

  @Test
  void openMetricsAndGzipAreNegotiated() throws Exception {
    scrape("port = 0");
    HttpResponse<byte[]> response = Exporters.HTTP.send(HttpRequest.newBuilder(
            URI.create("http://127.0.0.1:" + exporter.port() + "/metrics"))
        .header("Accept", "application/openmetrics-text; version=1.0.0").header("Accept-Encoding", "gzip").build(),
        HttpResponse.BodyHandlers.ofByteArray());

    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
        assertThat(type).startsWith("application/openmetrics-text"));
    assertThat(response.headers().firstValue("Content-Encoding")).hasValue("gzip");
    String text = new String(new GZIPInputStream(new ByteArrayInputStream(response.body())).readAllBytes(),
        StandardCharsets.UTF_8);
    assertThat(text).contains("# TYPE nvidia_gpu_total_energy_consumption_joules counter")
        .contains("# UNIT nvidia_gpu_total_energy_consumption_joules joules").endsWith("# EOF\n");
  }

  @Test
  void healthAnswersAndTheExportersOwnMetricsCountScrapes() throws Exception {
    RecordingTelemetry telemetry = new RecordingTelemetry();
    exporter = Exporters.create("port = 0", ManualClock.atFixedStart(), telemetry, state);
    exporter.start(new SelfTelemetryHost());
    exporter.exportMetrics(TestGpus.batch(0, 1));
    exporter.exportMetrics(new MetricBatch(Resource.empty(),
        List.of(TestGpus.point("load_average_1m", 0.5, "1", 0))));
    Exporters.get(exporter, "/metrics");

    assertThat(Exporters.get(exporter, "/-/healthy").statusCode()).isEqualTo(200);
    assertThat(telemetry.count("scrapes")).isEqualTo(1);
    assertThat(telemetry.count("points_ignored")).isEqualTo(1);
    assertThat(telemetry.gaugeValue("series")).isEqualTo(2.0 * GpuMetric.values().length);
  }

  private String scrape(String config) throws Exception {
    exporter = Exporters.create(config, ManualClock.atFixedStart(), new RecordingTelemetry(), state);
    exporter.start(new SelfTelemetryHost());
    exporter.exportMetrics(TestGpus.batch(new Resource(Attributes.of("host.name", "node-1")), 0, 1));
    exporter.exportEvents(new EventBatch(new Resource(Attributes.of("host.name", "node-1")),
        List.of(TestXids.xid("a", 0, 79, "FATAL"), TestXids.xid("b", 0, 79, "FATAL"))));
    HttpResponse<String> response = Exporters.get(exporter, "/metrics");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
    return response.body();
  }

}
