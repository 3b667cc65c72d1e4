package dev.gputel.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/gputel run --config config/demo.conf} from the unpacked tarball, start to SIGTERM. */
class RunDemoIT {
  /** The JVM's exit code after SIGTERM once the shutdown hook (the drain) has finished: 128 + 15. */
  static final int STOPPED_BY_SIGTERM = 143;

  private static final Duration STARTUP = Duration.ofSeconds(60);
  private static final Pattern SENT_METRICS = Pattern.compile(
      "^gputel_exporter_sent_items_total\\{exporter=\"debug\",signal=\"metrics\"} (\\S+)$",
      Pattern.MULTILINE);
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  @TempDir Path unpacked;
  @TempDir Path data;

  @Test
  void demoReplaysToTheDebugExporterAndStopsCleanlyOnSigterm() throws Exception {
    Distribution distribution = Distribution.unpack(unpacked);
    int port = freePort();
    Map<String, String> environment = new HashMap<>(Distribution.environment());
    environment.put("GPUTEL_ADMIN_PORT", String.valueOf(port));
    environment.put("GPUTEL_DATA_DIR", data.toString());

    try (GputelProcess agent = GputelProcess.start(distribution.launcher(), distribution.home(),
        environment, List.of("run", "--config", "config/demo.conf"))) {
      String health = awaitHttp(agent, port, "/healthz", body -> body.contains("\"status\":\"ok\""));
      assertThat(health).contains("\"status\":\"ok\"");
      awaitHttp(agent, port, "/metrics", body -> sentMetrics(body).orElse(0.0) > 0);
      assertThat(agent.stdout()).contains("utilization_gpu").contains("NVIDIA H100 80GB HBM3");

      agent.terminate();
      GputelProcess.Result result = agent.finish(Duration.ofSeconds(20));

      assertThat(result.exitCode()).as(result.toString()).isEqualTo(STOPPED_BY_SIGTERM);
      assertThat(result.stderr()).as(result.toString())
          .containsPattern(Pattern.compile("dev\\.gputel\\.runtime\\.Agent - stopped$", Pattern.MULTILINE))
          .doesNotContain(" ERROR ", " WARN ");
    }
  }

  private static Optional<Double> sentMetrics(String metrics) {
    Matcher matcher = SENT_METRICS.matcher(metrics);
    return matcher.find() ? Optional.of(Double.parseDouble(matcher.group(1))) : Optional.empty();
  }

  /** Polls until the endpoint answers 200 with a body {@code accept} takes, or fails at the deadline. */
  private static String awaitHttp(GputelProcess agent, int port, String path, Predicate<String> accept)
      throws Exception {
    long deadline = System.nanoTime() + STARTUP.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!agent.isAlive()) {
        throw new AssertionError("agent exited before " + path + " was ready:\n" + agent.finish());
      }
      try {
        HttpResponse<String> response = HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.ofString());
        last = response.statusCode() + " " + response.body();
        if (response.statusCode() == 200 && accept.test(response.body())) {
          return response.body();
        }
      } catch (IOException notYet) {
        last = notYet.toString();
      }
      agent.pause();
    }
    throw new AssertionError(path + " not ready after " + STARTUP + "; last answer: " + last
        + "\nagent stderr:\n" + agent.stderr());
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
