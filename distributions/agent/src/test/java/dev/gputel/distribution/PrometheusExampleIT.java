package dev.gputel.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.testing.AgentProcess;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bin/gputel run --config config/examples/prometheus.conf} from the unpacked tarball, with no
 * GPU: the replayed captures are served on the exporter's /metrics, which promtool accepts.
 */
class PrometheusExampleIT {
  private static final Duration STARTUP = Duration.ofSeconds(60);

  @TempDir Path unpacked;
  @TempDir Path data;

  @Test
  void theExampleServesReplayedGpusOnItsPrometheusEndpoint() throws Exception {
    Distribution distribution = Distribution.unpack(unpacked);
    int adminPort = AgentProcess.freePort();
    int prometheusPort = AgentProcess.freePort();
    Map<String, String> environment = new HashMap<>(Distribution.environment());
    environment.put("GPUTEL_ADMIN_PORT", String.valueOf(adminPort));
    environment.put("GPUTEL_PROMETHEUS_PORT", String.valueOf(prometheusPort));
    environment.put("GPUTEL_DATA_DIR", data.toString());

    try (AgentProcess agent = Distribution.start(distribution.launcher(), distribution.home(),
        environment, "run", "--config", "config/examples/prometheus.conf")) {
      String metrics = agent.awaitHttp(prometheusPort, "/metrics", STARTUP,
          body -> body.contains("nvidia_gpu_utilization_gpu_ratio{gpu=\"0\",model=\"NVIDIA H100 80GB HBM3\""));
      assertThat(metrics).contains("# TYPE nvidia_gpu_memory_used_bytes gauge")
          .contains("gputel_agent_info{version=\"" + Distribution.VERSION + "\"} 1");
      assertThat(promtool(metrics)).as("promtool's findings").isEmpty();

      agent.terminate();
      AgentProcess.Result result = agent.finish(Duration.ofSeconds(20));
      assertThat(result.exitCode()).as(result.toString()).isEqualTo(RunDemoIT.STOPPED_BY_SIGTERM);
      assertThat(result.stderr()).as(result.toString())
          .containsPattern(Pattern.compile("serving http://127\\.0\\.0\\.1:" + prometheusPort + "/metrics"))
          .doesNotContain(" ERROR ", " WARN ");
    }
  }

  private static String promtool(String exposition) throws Exception {
    Process promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
    promtool.getOutputStream().write(exposition.getBytes(StandardCharsets.UTF_8));
    promtool.getOutputStream().close();
    String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return output;
  }
}
