package dev.gputel.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.testing.AgentProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged agent with the nvml receiver on a machine without the NVIDIA library: it starts, stays
 * healthy, says on /healthz why the receiver is down, counts the retries, and stops cleanly.
 */
class NvmlWithoutDriverIT {
  private static final Duration STARTUP = Duration.ofSeconds(60);

  @TempDir Path unpacked;
  @TempDir Path data;
  @TempDir Path work;

  @Test
  void theAgentStartsAndReportsTheReceiverDownUntilTheLibraryIsThere() throws Exception {
    Distribution distribution = Distribution.unpack(unpacked);
    // A path, not the soname: a build machine with a real driver must not find one.
    Path config = Files.writeString(work.resolve("nvml.conf"), """
        gputel {
          receivers { nvml { library = "/nonexistent/libnvidia-ml.so.1", reinit-initial-backoff = 100ms } }
          exporters { debug {} }
          pipelines { metrics { receivers = [nvml], exporters = [debug] } }
        }
        """);
    int port = AgentProcess.freePort();
    Map<String, String> environment = new HashMap<>(Distribution.environment());
    environment.put("GPUTEL_ADMIN_PORT", String.valueOf(port));
    environment.put("GPUTEL_DATA_DIR", data.toString());

    try (AgentProcess agent = Distribution.start(distribution.launcher(), work, environment,
        "run", "--config", config.toString())) {
      String health = agent.awaitHttp(port, "/healthz", STARTUP, body -> body.contains("receiver/nvml"));
      assertThat(health).contains("\"status\":\"ok\"")
          .contains("\"receiver/nvml\":{\"up\":false,\"reason\":\"NVML: cannot load /nonexistent/libnvidia-ml.so.1");
      agent.awaitHttp(port, "/metrics", STARTUP, body -> body.lines().anyMatch(line ->
          line.startsWith("gputel_receiver_lifecycle_errors_total{")
              && line.contains("code=\"LIBRARY_NOT_FOUND\"") && !line.endsWith(" 1.0") && !line.endsWith(" 1")));
      assertThat(agent.awaitHttp(port, "/metrics", STARTUP)).contains("gputel_receiver_up{receiver=\"nvml\"} 0");

      agent.terminate();
      AgentProcess.Result result = agent.finish(Duration.ofSeconds(20));

      assertThat(result.exitCode()).as(result.toString()).isEqualTo(RunDemoIT.STOPPED_BY_SIGTERM);
      assertThat(result.stderr()).as("native access is enabled by the launcher")
          .doesNotContain("restricted method").doesNotContain(" ERROR ");
    }
  }
}
