package dev.gputel.exporter.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;

/**
 * A real Prometheus server (Debian's {@code prometheus} package; .ci/run installs it) on loopback,
 * with its own configuration and data directory, scraping one target every second.
 */
final class PrometheusServer implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Process process;
  private final Path log;
  private final String base;

  private PrometheusServer(Process process, Path log, String base) {
    this.process = process;
    this.log = log;
    this.base = base;
  }

  /** Starts Prometheus scraping {@code 127.0.0.1:targetPort} as job {@code gputel}, and waits until it is ready. */
  static PrometheusServer start(Path directory, int targetPort) throws IOException {
    Path config = directory.resolve("prometheus.yml");
    Files.writeString(config, """
        global:
          scrape_interval: 1s
          scrape_timeout: 1s
        scrape_configs:
          - job_name: gputel
            static_configs:
              - targets: ["127.0.0.1:%d"]
        """.formatted(targetPort));
    int port = freePort();
    Path log = directory.resolve("prometheus.log");
    Process process;
    try {
      process = new ProcessBuilder(List.of("prometheus", "--config.file=" + config,
          "--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + port))
          .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    } catch (IOException e) {
      throw new IOException("the prometheus server is not installed: apt-get install prometheus (as .ci/run does)", e);
    }
    PrometheusServer server = new PrometheusServer(process, log, "http://127.0.0.1:" + port);
    Awaitility.await("Prometheus ready").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
        .ignoreExceptions().until(() -> {
          assertThat(process.isAlive()).as("prometheus is running; its log: %s", server.log()).isTrue();
          return server.get("/-/ready").statusCode() == 200;
        });
    return server;
  }

  /** Runs an instant query and returns {@code data.result}. */
  JsonNode query(String promql) throws IOException, InterruptedException {
    HttpResponse<String> response = get("/api/v1/query?query=" + URLEncoder.encode(promql, StandardCharsets.UTF_8));
    JsonNode body = JSON.readTree(response.body());
    assertThat(body.path("status").asText()).as(response.body()).isEqualTo("success");
    return body.path("data").path("result");
  }

  /** Returns {@code data} of an API path, such as {@code /api/v1/metadata?metric=...}. */
  JsonNode api(String path) throws IOException, InterruptedException {
    JsonNode body = JSON.readTree(get(path).body());
    assertThat(body.path("status").asText()).isEqualTo("success");
    return body.path("data");
  }

  String log() throws IOException {
    return Files.readString(log);
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(5)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(20, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
  }
}
