package dev.gputel.distribution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.gputel.testing.AgentProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CloudWatch agent configuration of the AWS blog on GPU telemetry, unchanged, in the installed
 * agent: converted, and run with GPU metrics replayed from a real H100 capture (the overlay swaps
 * only the receiver, the instance's metadata and where output goes). The EMF documents must carry
 * what the agent publishes: namespace CWAgent, the nvidia_smi_* names of the measurement list, the
 * instance dimensions without host, and the InstanceId rollup; the followed log file must reach the
 * blog's log group and {instance_id} stream.
 */
class CloudWatchAgentConfigIT {
  private static final List<String> MEASUREMENTS = List.of("utilization_gpu", "utilization_memory", "memory_total",
      "memory_used", "memory_free", "clocks_current_graphics", "clocks_current_sm", "clocks_current_memory",
      "clocks_current_video");
  private static final String INSTANCE = "i-0123456789abcdef0";

  @TempDir static Path unpacked;
  @TempDir Path work;
  private static Distribution distribution;
  private final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void unpack() throws Exception {
    distribution = Distribution.unpack(unpacked);
  }

  private Path blog() {
    return distribution.home().resolve("config/examples/cloudwatch-agent/aws-gpu-telemetry-blog.json");
  }

  @Test
  void convertPrintsTheEquivalentConfigurationWithNothingLeftOut() throws Exception {
    AgentProcess.Result result = distribution.run(work, "convert", blog().toString());

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stderr()).as("no key of the blog's file is left out").doesNotContain("warning");
    assertThat(result.stdout()).contains("namespace = \"CWAgent\"", "dimensions = [\"index\", \"name\", \"arch\"]",
        "log-group-name = \"accel-error-log\"", "paths = [\"/var/log/gpuerrors.log\"]");
    Path converted = Files.writeString(work.resolve("converted.conf"), result.stdout());
    AgentProcess.Result valid = distribution.run(work, "validate", "--config", converted.toString());
    assertThat(valid.exitCode()).as(valid.toString()).isZero();
  }

  @Test
  void theBlogsConfigurationRunsAndPublishesTheAgentsNamesAndDimensions() throws Exception {
    List<JsonNode> logRequests = new CopyOnWriteArrayList<>();
    HttpServer logs = cloudWatchLogs(logRequests, new CopyOnWriteArrayList<>());
    Path errors = Files.writeString(work.resolve("gpuerrors.log"),
        "Xid 79 reported on GPU 0000:10:1c.0 at 2022-06-15 10:00:00\n");
    Path emf = work.resolve("emf.jsonl");
    Path overlay = Files.writeString(work.resolve("overlay.conf"), """
        gputel {
          service { shutdown-timeout = 5s }
          receivers {
            replay { metrics-files = ["%s"], interval = 200ms }
            kernel-log/file-1.file.paths = ["%s"]
          }
          processors.resource-detection {
            detectors = []
            attributes {
              "host.id" = "%s", "host.type" = "p4d.24xlarge", "host.image.id" = "ami-0abcdef1234567890",
              "aws.autoscaling.group.name" = "gpu-training"
            }
          }
          exporters {
            cloudwatch-emf { output = file, file.path = "%s" }
            cloudwatch-logs/file-1 { region = us-east-1, endpoint = "http://127.0.0.1:%d" }
          }
          pipelines.metrics.receivers = [replay]
        }
        """.formatted(distribution.home().resolve("config/captures/nvidia-smi/h100-80gb-hbm3__590.48.01__load.csv"),
        errors, INSTANCE, emf, logs.getAddress().getPort()));
    int adminPort = AgentProcess.freePort();
    Map<String, String> environment = new HashMap<>(Distribution.environment());
    environment.put("GPUTEL_ADMIN_PORT", String.valueOf(adminPort));
    environment.put("GPUTEL_DATA_DIR", work.resolve("data").toString());
    environment.put("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
    environment.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    try (AgentProcess agent = Distribution.start(distribution.launcher(), work, environment, "run",
        "--cloudwatch-agent-config", blog().toString(), "--metrics-exporter", "cloudwatch-emf",
        "--config", overlay.toString())) {
      await().atMost(Duration.ofSeconds(90)).until(() -> documents(emf).size() >= 4 && !logRequests.isEmpty());
      agent.terminate();
      AgentProcess.Result result = agent.finish(Duration.ofSeconds(30));
      // run_as_user is accepted; gputel does not switch users, so it warns when it runs as another.
      if (System.getProperty("user.name").equals("root")) {
        assertThat(result.stderr()).doesNotContain("run_as_user");
      } else {
        assertThat(result.stderr()).contains("agent.run_as_user is 'root' but gputel runs as");
      }

      Set<String> names = new LinkedHashSet<>();
      for (JsonNode document : documents(emf)) {
        JsonNode directive = document.at("/_aws/CloudWatchMetrics/0");
        assertThat(directive.get("Namespace").asText()).isEqualTo("CWAgent");
        List<List<String>> dimensionSets = new ArrayList<>();
        directive.get("Dimensions").forEach(set -> {
          List<String> keys = new ArrayList<>();
          set.forEach(k -> keys.add(k.asText()));
          dimensionSets.add(keys);
        });
        if (dimensionSets.size() == 2) { // the datum's own set and the InstanceId rollup
          assertThat(dimensionSets.get(0)).containsExactlyInAnyOrder("index", "name", "AutoScalingGroupName",
              "ImageId", "InstanceId", "InstanceType").doesNotContain("host");
          assertThat(dimensionSets.get(1)).containsExactly("InstanceId");
        } else {
          assertThat(dimensionSets).containsExactly(List.of("InstanceId"));
        }
        assertThat(document.get("InstanceId").asText()).isEqualTo(INSTANCE);
        assertThat(document.get("InstanceType").asText()).isEqualTo("p4d.24xlarge");
        assertThat(document.get("AutoScalingGroupName").asText()).isEqualTo("gpu-training");
        directive.get("Metrics").forEach(m -> names.add(m.get("Name").asText()));
      }
      assertThat(names).containsExactlyInAnyOrderElementsOf(MEASUREMENTS.stream().map(m -> "nvidia_smi_" + m).toList());

      JsonNode put = logRequests.getFirst();
      assertThat(put.get("logGroupName").asText()).isEqualTo("accel-error-log");
      assertThat(put.get("logStreamName").asText()).isEqualTo(INSTANCE);
      assertThat(put.at("/logEvents/0/message").asText()).isEqualTo("Xid 79 reported on GPU 0000:10:1c.0 at 2022-06-15 10:00:00");
    } finally {
      logs.stop(0);
    }
  }

  @Test
  void theEmfListenerForwardsApplicationDocumentsToTheGroupTheyName() throws Exception {
    List<String> headers = new CopyOnWriteArrayList<>();
    List<JsonNode> puts = new CopyOnWriteArrayList<>();
    HttpServer logs = cloudWatchLogs(puts, headers);
    int listenPort = AgentProcess.freePort();
    Path agentJson = Files.writeString(work.resolve("agent.json"), """
        {"agent": {"region": "us-east-1"},
         "logs": {"endpoint_override": "http://127.0.0.1:%d", "log_stream_name": "emf-test",
                  "metrics_collected": {"emf": {"service_address": "tcp:127.0.0.1:%d"}}}}
        """.formatted(logs.getAddress().getPort(), listenPort));
    Map<String, String> environment = new HashMap<>(Distribution.environment());
    environment.put("GPUTEL_ADMIN_PORT", String.valueOf(AgentProcess.freePort()));
    environment.put("GPUTEL_DATA_DIR", work.resolve("data").toString());
    environment.put("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
    environment.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    // The EMF specification's example document, with a log group of its own and a time of now
    // (CloudWatch Logs refuses events older than 14 days, so the exporter drops the example's 2019).
    String document = "{\"_aws\":{\"Timestamp\":" + System.currentTimeMillis() + ",\"LogGroupName\":\"my-app\",\"CloudWatchMetrics\":"
        + "[{\"Namespace\":\"lambda-function-metrics\",\"Dimensions\":[[\"functionVersion\"]],\"Metrics\":"
        + "[{\"Name\":\"time\",\"Unit\":\"Milliseconds\"}]}]},\"functionVersion\":\"$LATEST\",\"time\":100}";
    try (AgentProcess agent = Distribution.start(distribution.launcher(), work, environment, "run",
        "--cloudwatch-agent-config", agentJson.toString())) {
      await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
        try (java.net.Socket socket = new java.net.Socket(InetAddress.getLoopbackAddress(), listenPort)) {
          socket.getOutputStream().write((document + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return true;
      });
      await().atMost(Duration.ofSeconds(60)).until(() -> !puts.isEmpty());
      agent.terminate();
      agent.finish(Duration.ofSeconds(30));
      JsonNode put = puts.getFirst();
      assertThat(put.get("logGroupName").asText()).isEqualTo("my-app");
      assertThat(put.get("logStreamName").asText()).isEqualTo("emf-test");
      assertThat(put.at("/logEvents/0/message").asText()).isEqualTo(document);
      assertThat(headers.getFirst()).isEqualTo("json/emf");
    } finally {
      logs.stop(0);
    }
  }

  /**
   * A stand-in CloudWatch Logs (awsJson1.1, answering {} to every call) that keeps each PutLogEvents
   * request and its x-amzn-logs-format header.
   */
  private HttpServer cloudWatchLogs(List<JsonNode> puts, List<String> formatHeaders) throws IOException {
    HttpServer logs = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    logs.createContext("/", exchange -> {
      JsonNode body = json.readTree(exchange.getRequestBody());
      if ("Logs_20140328.PutLogEvents".equals(exchange.getRequestHeaders().getFirst("X-Amz-Target"))) {
        formatHeaders.add(String.valueOf(exchange.getRequestHeaders().getFirst("x-amzn-logs-format")));
        puts.add(body);
      }
      answer(exchange);
    });
    logs.start();
    return logs;
  }

  private List<JsonNode> documents(Path emf) throws IOException {
    if (!Files.exists(emf)) {
      return List.of();
    }
    List<JsonNode> documents = new ArrayList<>();
    for (String line : Files.readAllLines(emf, StandardCharsets.UTF_8)) {
      if (!line.isBlank()) {
        documents.add(json.readTree(line));
      }
    }
    return documents;
  }

  private static void answer(com.sun.net.httpserver.HttpExchange exchange) throws IOException {
    byte[] out = "{}".getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
    exchange.sendResponseHeaders(200, out.length);
    try (OutputStream o = exchange.getResponseBody()) {
      o.write(out);
    }
  }
}
