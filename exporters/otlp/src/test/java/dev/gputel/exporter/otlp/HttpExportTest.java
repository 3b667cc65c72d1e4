package dev.gputel.exporter.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gputel.spi.component.ComponentStatus;
import dev.gputel.spi.exporter.PermanentExportException;
import dev.gputel.spi.exporter.RetryableExportException;
import dev.gputel.testing.AgentProcess;
import dev.gputel.testing.RecordingTelemetry;
import dev.gputel.testing.TestHost;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.metrics.v1.AggregationTemporality;
import io.opentelemetry.proto.metrics.v1.Metric;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The exporter against an OTLP/HTTP receiver decoding with the opentelemetry-proto classes. */
class HttpExportTest {
  @TempDir Path directory;

  private final RecordingTelemetry telemetry = new RecordingTelemetry();
  private OtlpHttpReceiver receiver;
  private OtlpExporter exporter;

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = OtlpHttpReceiver.start();
  }

  @AfterEach
  void stop() {
    if (exporter != null) {
      exporter.shutdown();
    }
    receiver.close();
  }

  private OtlpExporter start(String body) throws Exception {
    exporter = Exporters.create("endpoint = \"" + receiver.endpoint() + "\"\n" + body, telemetry, directory);
    exporter.start(new TestHost());
    return exporter;
  }

  @Test
  void metricsArriveGzippedWithSemconvNamesUnitsValuesAndResource() throws Exception {
    start("headers { x-tenant = gpu-fleet }\nresource-attributes { \"deployment.environment.name\" = test }");

    exporter.exportMetrics(TestBatches.gpu());

    OtlpHttpReceiver.Request request = receiver.await();
    assertThat(request.path()).isEqualTo("/v1/metrics");
    assertThat(request.header("content-type")).isEqualTo("application/x-protobuf");
    assertThat(request.header("content-encoding")).isEqualTo("gzip");
    assertThat(request.rawBody()).startsWith((byte) 0x1f, (byte) 0x8b);
    assertThat(request.rawBody().length).isLessThan(request.body().length);
    assertThat(request.header("x-tenant")).isEqualTo("gpu-fleet");
    ExportMetricsServiceRequest metrics = request.metrics();
    assertThat(metrics.getResourceMetricsCount()).isOne();
    assertThat(Proto.attributes(metrics.getResourceMetrics(0).getResource().getAttributesList())).containsExactlyInAnyOrderEntriesOf(Map.of(
        "service.name", "gputel", "service.version", Exporters.VERSION, "host.name", "gpu-1",
        "host.id", "i-0123456789abcdef0", "cloud.provider", "aws", "cloud.region", "us-east-1",
        "aws.ecs.task.arn", "arn:aws:ecs:us-east-1:123456789012:task/gpu/0123456789abcdef",
        "deployment.environment.name", "test"));
    assertThat(metrics.getResourceMetrics(0).getScopeMetrics(0).getScope().getName()).isEqualTo("gputel");

    Metric utilization = Proto.metric(metrics, "hw.gpu.utilization");
    assertThat(utilization.getUnit()).isEqualTo("1");
    assertThat(utilization.hasGauge()).isTrue();
    var general = Proto.point(utilization, "hw.gpu.task", "general");
    assertThat(general.getAsDouble()).isEqualTo(0.87);
    assertThat(general.getTimeUnixNano()).isEqualTo(MetricMapper.nanos(TestBatches.T));
    assertThat(Proto.attributes(general.getAttributesList())).containsAllEntriesOf(Map.of(
        "hw.id", TestBatches.UUID, "gpu.index", 0L, "hw.model", "NVIDIA H100 80GB HBM3",
        "gpu.pci.bus_id", "00000000:00:09.0", "hw.serial_number", "0000000000000",
        "hw.firmware_version", "96.00.A5.00.01", "gpu.driver.version", "590.48.01"));
    assertThat(Proto.point(utilization, "hw.gpu.task", "encoder").getAsDouble()).isEqualTo(0.05);

    Metric used = Proto.metric(metrics, "hw.gpu.memory.usage");
    assertThat(used.getUnit()).isEqualTo("By");
    assertThat(used.getSum().getIsMonotonic()).isFalse();
    assertThat(used.getSum().getAggregationTemporality()).isEqualTo(AggregationTemporality.AGGREGATION_TEMPORALITY_CUMULATIVE);
    assertThat(Proto.point(used, null, null).getAsDouble()).isEqualTo(40960.0 * 1024 * 1024);
    assertThat(Proto.point(Proto.metric(metrics, "hw.gpu.memory.limit"), null, null).getAsDouble()).isEqualTo(81920.0 * 1024 * 1024);
    assertThat(Proto.point(Proto.metric(metrics, "hw.power"), "hw.type", "gpu").getAsDouble()).isEqualTo(631.95);
    Metric energy = Proto.metric(metrics, "hw.energy");
    assertThat(energy.getUnit()).isEqualTo("J");
    assertThat(energy.getSum().getIsMonotonic()).isTrue();
    assertThat(Proto.point(Proto.metric(metrics, "hw.temperature"), "hw.sensor_location", "memory").getAsDouble()).isEqualTo(70);
    Metric errors = Proto.metric(metrics, "hw.errors");
    assertThat(errors.getUnit()).isEqualTo("{error}");
    assertThat(Proto.point(errors, "error.type", "corrected").getAsDouble()).isEqualTo(3);
    Metric status = Proto.metric(metrics, "hw.status");
    assertThat(Proto.point(status, "hw.state", "failed").getAsInt()).isZero();
    assertThat(telemetry.statuses()).last().extracting(ComponentStatus::up).isEqualTo(true);
  }

  @Test
  void eventsArriveAsLogRecordsWithTheXidFields() throws Exception {
    start("");

    exporter.exportEvents(TestBatches.xid());

    OtlpHttpReceiver.Request request = receiver.await();
    assertThat(request.path()).isEqualTo("/v1/logs");
    ExportLogsServiceRequest logs = request.logs();
    assertThat(Proto.attributes(logs.getResourceLogs(0).getResource().getAttributesList())).containsEntry("host.name", "gpu-1");
    LogRecord record = logs.getResourceLogs(0).getScopeLogs(0).getLogRecords(0);
    assertThat(record.getBody().getStringValue()).isEqualTo(TestBatches.xid().events().getFirst().body());
    assertThat(record.getSeverityNumber()).isEqualTo(SeverityNumber.SEVERITY_NUMBER_FATAL);
    assertThat(record.getSeverityText()).isEqualTo("FATAL");
    assertThat(record.getTimeUnixNano()).as("kernel time")
        .isEqualTo(MetricMapper.nanos(java.time.Instant.parse("2026-07-14T08:10:00.123456Z")));
    assertThat(record.getObservedTimeUnixNano()).isEqualTo(MetricMapper.nanos(TestBatches.T));
    assertThat(Proto.attributes(record.getAttributesList())).containsAllEntriesOf(Map.of(
        "xid.code", 79L, "xid.mnemonic", "ROBUST_CHANNEL_GPU_HAS_FALLEN_OFF_THE_BUS", "xid.severity", "FATAL",
        "hw.id", TestBatches.UUID, "gpu.pci.bus_id", "00000000:00:09.0", "xid.known", true,
        "log.record.uid", "b7c1e0d2-1843308145-5f1a"));
  }

  @ParameterizedTest
  @ValueSource(ints = {429, 502, 503, 504})
  void throttlingAndUnavailableAreRetryable(int status) throws Exception {
    start("");
    receiver.failNext(status, 1);

    assertThatThrownBy(() -> exporter.exportMetrics(TestBatches.gpu())).isInstanceOf(RetryableExportException.class)
        .hasMessageContaining("metrics to " + receiver.endpoint() + "/v1/metrics: HTTP " + status);
    assertThat(telemetry.statuses()).last().satisfies(s -> assertThat(s.reason()).contains("HTTP " + status));

    assertThatCode(() -> exporter.exportMetrics(TestBatches.gpu())).doesNotThrowAnyException();
    assertThat(receiver.received()).as("sent once per call: the OpenTelemetry exporter does not retry itself").isEqualTo(2);
  }

  @Test
  void retryAfterGoesToTheRuntime() throws Exception {
    start("");
    receiver.failNext(429, 1, "7");
    receiver.failNext(503, 1, null);

    assertThatThrownBy(() -> exporter.exportMetrics(TestBatches.gpu())).isInstanceOfSatisfying(RetryableExportException.class,
        e -> assertThat(e.retryAfter()).contains(java.time.Duration.ofSeconds(7))).hasMessageContaining("retry after 7 s");
    assertThatThrownBy(() -> exporter.exportMetrics(TestBatches.gpu())).isInstanceOfSatisfying(RetryableExportException.class,
        e -> assertThat(e.retryAfter()).isEmpty());
  }

  @ParameterizedTest
  @ValueSource(ints = {400, 401, 413, 500})
  void otherAnswersArePermanent(int status) throws Exception {
    start("");
    receiver.failNext(status, 1);

    assertThatThrownBy(() -> exporter.exportEvents(TestBatches.xid())).isInstanceOf(PermanentExportException.class)
        .hasMessageContaining("HTTP " + status).hasMessageContaining("not retryable");
  }

  @Test
  void aReceiverThatIsNotThereIsRetryable() throws Exception {
    exporter = Exporters.create("endpoint = \"http://127.0.0.1:" + AgentProcess.freePort() + "\", timeout = 2s",
        telemetry, directory);
    exporter.start(new TestHost());

    assertThatThrownBy(() -> exporter.exportMetrics(TestBatches.gpu())).isInstanceOf(RetryableExportException.class)
        .hasMessageContaining("metrics to http://127.0.0.1:");
  }

  @Test
  void withoutCompressionTheBodyIsPlainProtobuf() throws Exception {
    start("compression = none");

    exporter.exportMetrics(TestBatches.gpu());

    OtlpHttpReceiver.Request request = receiver.await();
    assertThat(request.header("content-encoding")).isNull();
    assertThat(request.rawBody()).isEqualTo(request.body());
    assertThat(Proto.metrics(request.metrics())).isNotEmpty();
  }

  @Test
  void cloudWatchAgentNamingOnTheWire() throws Exception {
    start("naming = cloudwatch-agent");

    exporter.exportMetrics(TestBatches.gpu());

    ExportMetricsServiceRequest metrics = receiver.await().metrics();
    assertThat(Proto.metrics(metrics)).allSatisfy(m -> assertThat(m.getName()).startsWith("nvidia_smi_"));
    Metric used = Proto.metric(metrics, "nvidia_smi_memory_used");
    assertThat(used.getUnit()).isEqualTo("Megabytes");
    assertThat(Proto.attributes(Proto.point(used, null, null).getAttributesList()))
        .containsEntry("host", "gpu-1").containsEntry("index", 0L).containsEntry("name", "NVIDIA H100 80GB HBM3")
        .containsEntry("uuid", TestBatches.UUID);
    assertThat(Proto.point(used, null, null).getAsDouble()).isEqualTo(40960);
  }

  @Test
  void httpGoesThroughTheJdkClientNotOkHttp() throws Exception {
    start("");

    exporter.exportMetrics(TestBatches.gpu());

    OtlpHttpReceiver.Request request = receiver.await();
    // The JDK's HttpClient offers an HTTP/2 upgrade on plain http://; OkHttp never does.
    assertThat(request.header("upgrade")).isEqualTo("h2c");
    assertThat(request.header("http2-settings")).isNotNull();
    assertThat(request.header("user-agent")).isEqualTo("OTel-OTLP-Exporter-Java/1.68.0");
  }
}
