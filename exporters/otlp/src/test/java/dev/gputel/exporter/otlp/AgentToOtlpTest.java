package dev.gputel.exporter.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.testing.AgentProcess;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.metrics.v1.Metric;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent in its own process, as an operator runs it: the replay receiver plays a real H100
 * nvidia-smi capture and real kernel-log Xid lines, the xid-classifier names the Xids, and the otlp
 * exporter sends both to a receiver that answers 503 with Retry-After: 1 to the first two requests.
 * The runtime's retry, waiting as long as the receiver asked, gets everything through.
 */
class AgentToOtlpTest {
  private static final Path CAPTURES = Path.of("../../config/captures").toAbsolutePath().normalize();
  private static final String H100_UUID = "GPU-00000000-0000-0000-0000-000000000000";

  @TempDir Path work;

  @Test
  void realCapturesReachAnOtlpReceiverThroughRetries() throws Exception {
    try (OtlpHttpReceiver receiver = OtlpHttpReceiver.start()) {
      receiver.failNext(503, 2, "1");
      int admin = AgentProcess.freePort();
      Path config = config(admin, receiver.endpoint(), "");
      try (AgentProcess agent = AgentProcess.start(System.getProperty("java.class.path"), work, Map.of(),
          "run", "--config", config.toString())) {
        ExportMetricsServiceRequest metrics = null;
        ExportLogsServiceRequest logs = null;
        while (metrics == null || logs == null) {
          OtlpHttpReceiver.Request request = receiver.await();
          if (request.path().equals("/v1/metrics") && metrics == null && !Proto.metrics(request.metrics()).isEmpty()) {
            metrics = request.metrics();
          } else if (request.path().equals("/v1/logs") && logs == null && hasXid(request.logs())) {
            logs = request.logs();
          }
        }

        Metric utilization = Proto.metric(metrics, "hw.gpu.utilization");
        assertThat(Proto.attributes(Proto.point(utilization, "hw.gpu.task", "general").getAttributesList()))
            .containsEntry("hw.id", H100_UUID).containsEntry("hw.model", "NVIDIA H100 80GB HBM3")
            .containsEntry("gpu.pci.bus_id", "00000000:00:09.0");
        double limit = Proto.point(Proto.metric(metrics, "hw.gpu.memory.limit"), null, null).getAsDouble();
        assertThat(limit).as("H100 80GB in bytes").isBetween(79e9, 86e9);
        assertThat(Proto.metric(metrics, "hw.power").getUnit()).isEqualTo("W");
        LogRecord xid = logs.getResourceLogs(0).getScopeLogs(0).getLogRecordsList().stream()
            .filter(r -> r.getBody().getStringValue().contains("NVRM: Xid (PCI:0000:01:00): 32,")).findFirst().orElseThrow();
        assertThat(Proto.attributes(xid.getAttributesList())).containsEntry("xid.code", 32L)
            .containsEntry("log.kind", "xid").containsKeys("xid.mnemonic", "xid.severity", "log.record.uid");
        String selfMetrics = agent.awaitHttp(admin, "/metrics", Duration.ofSeconds(20),
            body -> body.contains("gputel_exporter_retries_total{exporter=\"otlp\"} 2"));
        assertThat(selfMetrics).contains("gputel_exporter_retries_total{exporter=\"otlp\"} 2");
        // The receiver's Retry-After: 1 wins over the configured 100 ms backoff.
        assertThat(agent.stderr()).contains("HTTP 503, retry after 1 s").contains("retrying in 1000 ms")
            .doesNotContain("Failed to export");
      }
    }
  }

  private Path config(int admin, String endpoint, String exporterSettings) throws java.io.IOException {
    return Files.writeString(work.resolve("gputel.conf"), """
        gputel {
          service { data-directory = "%s", admin.port = %d, shutdown-timeout = 5s }
          receivers {
            replay {
              metrics-files = ["%s"]
              log-files = ["%s"]
              fields = []
              interval = 100ms
              log-lines-per-interval = 20
            }
          }
          processors { xid-classifier {} }
          exporters {
            otlp {
              endpoint = "%s"
              retry { initial-interval = 100ms, max-interval = 200ms }
              %s
            }
          }
          pipelines {
            metrics { receivers = [replay], exporters = [otlp] }
            events { receivers = [replay], processors = [xid-classifier], exporters = [otlp] }
          }
        }
        """.formatted(work.resolve("data"), admin,
        CAPTURES.resolve("nvidia-smi/h100-80gb-hbm3__590.48.01__load.csv"),
        CAPTURES.resolve("kernel-log/xid-lines.log"), endpoint, exporterSettings));
  }

  /** The test's class path without OkHttp, Okio, Kotlin and OpenTelemetry's OkHttp sender. */
  private static String classPathWithoutOkHttp() {
    return AgentProcess.classPathWithout(entry -> entry.contains("okhttp") || entry.contains("okio")
        || entry.contains("kotlin") || entry.contains("org/jetbrains/annotations"));
  }

  @Test
  void httpProtobufNeedsNeitherOkHttpNorKotlin() throws Exception {
    try (OtlpHttpReceiver receiver = OtlpHttpReceiver.start()) {
      int admin = AgentProcess.freePort();
      Path config = config(admin, receiver.endpoint(), "");
      try (AgentProcess agent = AgentProcess.start(classPathWithoutOkHttp(), work, Map.of(),
          "run", "--config", config.toString())) {
        OtlpHttpReceiver.Request request = receiver.await();
        assertThat(request.path()).startsWith("/v1/");
        agent.awaitHttp(admin, "/metrics", Duration.ofSeconds(20),
            body -> body.contains("gputel_exporter_sent_items_total{exporter=\"otlp\",signal=\"metrics\"}"));
      }
    }
  }

  @Test
  void grpcWithoutOkHttpFailsAtStartNamingTheJar() throws Exception {
    Path config = config(AgentProcess.freePort(), "http://127.0.0.1:4317", "protocol = grpc");
    try (AgentProcess agent = AgentProcess.start(classPathWithoutOkHttp(), work, Map.of(),
        "run", "--config", config.toString())) {
      AgentProcess.Result result = agent.finish(Duration.ofSeconds(30));
      assertThat(result.exitCode()).as(result.toString()).isNotZero();
      assertThat(result.stderr()).contains("opentelemetry-exporter-sender-okhttp");
    }
  }

  private static boolean hasXid(ExportLogsServiceRequest request) {
    return request.getResourceLogsList().stream().flatMap(r -> r.getScopeLogsList().stream())
        .flatMap(s -> s.getLogRecordsList().stream())
        .anyMatch(r -> Proto.attributes(r.getAttributesList()).containsKey("xid.code"));
  }
}
