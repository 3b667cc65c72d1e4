package dev.gputel.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.testing.AgentProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
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

  @TempDir Path unpacked;
  @TempDir Path data;

  @Test
  void demoReplaysToTheDebugExporterAndStopsCleanlyOnSigterm() throws Exception {
    Distribution distribution = Distribution.unpack(unpacked);
    int port = AgentProcess.freePort();
    Map<String, String> environment = new HashMap<>(Distribution.environment());
    environment.put("GPUTEL_ADMIN_PORT", String.valueOf(port));
    environment.put("GPUTEL_DATA_DIR", data.toString());

    try (AgentProcess agent = Distribution.start(distribution.launcher(), distribution.home(),
        environment, "run", "--config", "config/demo.conf")) {
      String health = agent.awaitHttp(port, "/healthz", STARTUP, body -> body.contains("\"status\":\"ok\""));
      assertThat(health).contains("\"status\":\"ok\"");
      agent.awaitHttp(port, "/metrics", STARTUP, body -> sentMetrics(body).orElse(0.0) > 0);
      assertThat(agent.stdout()).contains("utilization_gpu").contains("NVIDIA H100 80GB HBM3")
          .as("the demo's compute profile keeps temperature_gpu but no encoder statistics")
          .contains("temperature_gpu").doesNotContain("encoder_stats_session_count");

      agent.terminate();
      AgentProcess.Result result = agent.finish(Duration.ofSeconds(20));

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
}
