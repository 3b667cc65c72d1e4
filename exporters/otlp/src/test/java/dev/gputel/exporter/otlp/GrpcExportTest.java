package dev.gputel.exporter.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gputel.spi.exporter.PermanentExportException;
import dev.gputel.spi.exporter.RetryableExportException;
import dev.gputel.testing.RecordingTelemetry;
import dev.gputel.testing.TestHost;
import io.grpc.Status;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.SeverityNumber;
import io.opentelemetry.proto.metrics.v1.Metric;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The exporter with protocol = grpc against a grpc-java OTLP receiver. */
class GrpcExportTest {
  @TempDir Path directory;

  private final RecordingTelemetry telemetry = new RecordingTelemetry();
  private OtlpGrpcReceiver receiver;
  private OtlpExporter exporter;

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = new OtlpGrpcReceiver();
  }

  @AfterEach
  void stop() throws Exception {
    if (exporter != null) {
      exporter.shutdown();
    }
    receiver.close();
  }

  private void start(String body) throws Exception {
    exporter = Exporters.create("protocol = grpc, endpoint = \"" + receiver.endpoint() + "\"\n" + body,
        telemetry, directory);
    exporter.start(new TestHost());
  }

  @Test
  void metricsArriveGzippedWithSemconvNamesAndResource() throws Exception {
    start("headers { authorization = \"Bearer t0ken\" }");

    exporter.exportMetrics(TestBatches.gpu());

    OtlpGrpcReceiver.Call call = receiver.await();
    assertThat(call.header("grpc-encoding")).isEqualTo("gzip");
    assertThat(call.header("authorization")).isEqualTo("Bearer t0ken");
    ExportMetricsServiceRequest metrics = call.metrics();
    assertThat(Proto.attributes(metrics.getResourceMetrics(0).getResource().getAttributesList()))
        .containsEntry("service.name", "gputel").containsEntry("cloud.region", "us-east-1");
    Metric utilization = Proto.metric(metrics, "hw.gpu.utilization");
    assertThat(Proto.point(utilization, "hw.gpu.task", "general").getAsDouble()).isEqualTo(0.87);
    assertThat(Proto.attributes(Proto.point(utilization, "hw.gpu.task", "general").getAttributesList()))
        .containsEntry("hw.id", TestBatches.UUID);
    assertThat(Proto.metric(metrics, "hw.gpu.memory.usage").getUnit()).isEqualTo("By");
    assertThat(Proto.point(Proto.metric(metrics, "hw.gpu.memory.utilization"), null, null).getAsDouble()).isEqualTo(0.5);
  }

  @Test
  void withoutCompressionNoEncodingIsAnnounced() throws Exception {
    start("compression = none");

    exporter.exportMetrics(TestBatches.gpu());

    assertThat(receiver.await().header("grpc-encoding")).isNull();
  }

  @Test
  void eventsArriveAsLogRecords() throws Exception {
    start("");

    exporter.exportEvents(TestBatches.xid());

    LogRecord record = receiver.await().logs().getResourceLogs(0).getScopeLogs(0).getLogRecords(0);
    assertThat(record.getSeverityNumber()).isEqualTo(SeverityNumber.SEVERITY_NUMBER_FATAL);
    assertThat(Proto.attributes(record.getAttributesList())).containsAllEntriesOf(Map.of(
        "xid.code", 79L, "log.record.uid", "b7c1e0d2-1843308145-5f1a"));
  }

  @ParameterizedTest
  @EnumSource(value = Status.Code.class, names = {"UNAVAILABLE", "RESOURCE_EXHAUSTED", "DEADLINE_EXCEEDED", "ABORTED"})
  void unavailableAndExhaustedAreRetryable(Status.Code code) throws Exception {
    start("");
    receiver.failNext(code, 1);

    assertThatThrownBy(() -> exporter.exportMetrics(TestBatches.gpu())).isInstanceOf(RetryableExportException.class)
        .hasMessageContaining("gRPC " + code);

    assertThatCode(() -> exporter.exportMetrics(TestBatches.gpu())).doesNotThrowAnyException();
  }

  @ParameterizedTest
  @EnumSource(value = Status.Code.class, names = {"INVALID_ARGUMENT", "UNAUTHENTICATED", "UNIMPLEMENTED"})
  void rejectionsArePermanent(Status.Code code) throws Exception {
    start("");
    receiver.failNext(code, 1);

    assertThatThrownBy(() -> exporter.exportEvents(TestBatches.xid())).isInstanceOf(PermanentExportException.class)
        .hasMessageContaining("gRPC " + code).hasMessageContaining("not retryable");
  }
}
