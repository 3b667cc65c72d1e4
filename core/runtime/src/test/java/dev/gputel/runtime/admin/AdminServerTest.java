package dev.gputel.runtime.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gputel.runtime.Agent;
import dev.gputel.runtime.AgentContext;
import dev.gputel.runtime.testcomponents.TestComponents;
import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.spi.data.Resource;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminServerTest {
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path data;
  private final TestComponents components = new TestComponents();
  private final AgentContext context = AgentContext.create(e -> { });
  private Agent agent;
  private String base;

  @BeforeEach
  void startAgent() throws Exception {
    agent = components.start("""
        gputel {
          service { data-directory = "%s", admin.port = 0 }
          receivers { test-source { } }
          exporters { recording { } }
          pipelines { metrics { receivers = [test-source], exporters = [recording] } }
        }
        """.formatted(data), context);
    base = "http://127.0.0.1:" + agent.adminAddress().orElseThrow().getPort();
    components.sources.next("test-source").metrics().consume(new MetricBatch(Resource.empty(),
        List.of(MetricPoint.gauge("utilization_gpu", 1, "%", Instant.EPOCH, Attributes.empty()))));
    components.exporters.exporter("recording").awaitReceived(1, 5_000);
    // The exporter has the batch a moment before the runtime counts it as sent.
    Awaitility.await().until(() -> context.telemetry().value("gputel_exporter_sent_items_total",
        java.util.Map.of("exporter", "recording", "signal", "metrics")) == 1);
  }

  @AfterEach
  void stopAgent() {
    agent.shutdown();
  }

  @Test
  void healthzReportsTheAgentAndItsComponents() throws Exception {
    HttpResponse<String> response = get("/healthz");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
    assertThat(response.body()).startsWith("{\"status\":\"ok\",\"version\":\"0.1.0\",\"components\":{");
  }

  @Test
  void metricsAreValidPrometheusTextThatPromtoolAccepts() throws Exception {
    HttpResponse<String> response = get("/metrics");

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; version=0.0.4; charset=utf-8");
    assertThat(response.body())
        .contains("gputel_agent_info{version=\"0.1.0\"} 1")
        .contains("gputel_receiver_accepted_items_total{receiver=\"test-source\",signal=\"metrics\"} 1")
        .contains("gputel_exporter_sent_items_total{exporter=\"recording\",signal=\"metrics\"} 1")
        .contains("gputel_exporter_queue_size{exporter=\"recording\"} 0");

    Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
    promtool.getOutputStream().write(response.body().getBytes(StandardCharsets.UTF_8));
    promtool.getOutputStream().close();
    String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(output).as("promtool's findings").isEmpty();
    assertThat(promtool.exitValue()).isZero();
  }

  @Test
  void onlyGetAndHeadAreAllowedAndUnknownPathsAreNotFound() throws Exception {
    HttpResponse<String> post = HTTP.send(HttpRequest.newBuilder(URI.create(base + "/metrics"))
        .POST(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
    assertThat(post.statusCode()).isEqualTo(405);
    assertThat(post.headers().firstValue("Allow")).contains("GET, HEAD");
    assertThat(get("/nope").statusCode()).isEqualTo(404);
  }

  @Test
  void theEndpointClosesWithTheAgent() {
    agent.shutdown();

    assertThatThrownBy(() -> get("/healthz")).isInstanceOf(IOException.class);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
