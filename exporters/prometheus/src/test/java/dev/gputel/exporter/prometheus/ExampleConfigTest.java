package dev.gputel.exporter.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import dev.gputel.runtime.Agent;
import dev.gputel.runtime.AgentContext;
import dev.gputel.runtime.ComponentCreator;
import dev.gputel.runtime.config.AgentSpec;
import dev.gputel.runtime.config.ConfigValidator;
import dev.gputel.runtime.plugin.PluginLoader;
import dev.gputel.testing.AgentProcess;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * config/examples/prometheus.conf in a real agent, with no GPU: the replay receiver plays the
 * shipped captures into the exporter, which serves them; only the port and data directory differ.
 */
class ExampleConfigTest {
  private static final Path EXAMPLE = Path.of(System.getProperty("gputel.config"), "examples", "prometheus.conf");

  @TempDir Path data;

  @Test
  void theExampleServesTheReplayedGpusXidsAndTheAgentsOwnMetrics() throws Exception {
    int port = AgentProcess.freePort();
    AgentSpec spec = new ConfigValidator(PluginLoader.load(data.resolve("no-plugins")),
        new ComponentCreator(Clock.systemUTC())).validate(ConfigFactory.parseString("""
            gputel.service { data-directory = "%s", admin.enabled = false }
            gputel.exporters.prometheus.port = %d
            """.formatted(data, port)).withFallback(ConfigFactory.parseFile(EXAMPLE.toFile())).resolve());
    Agent agent = Agent.create(spec, AgentContext.create(Throwable::printStackTrace));
    agent.start();
    try {
      String h100 = await(port, body -> body.contains("model=\"NVIDIA H100 80GB HBM3\""));
      assertThat(h100).containsPattern("(?m)^nvidia_gpu_utilization_gpu_ratio\\{gpu=\"0\",model=\"NVIDIA H100 80GB HBM3\","
              + "pci_bus_id=\"00000000:00:09.0\",uuid=\"GPU-00000000-0000-0000-0000-000000000000\"} \\S+$")
          .contains("# TYPE nvidia_gpu_memory_used_bytes gauge")
          .containsPattern("(?m)^gputel_exporter_sent_items_total\\{exporter=\"prometheus\",signal=\"metrics\"} ");
      Promtool.Check check = Promtool.checkMetrics(h100);
      assertThat(check.output()).as("promtool's findings on what a real agent serves").isEmpty();
      assertThat(check.exitCode()).isZero();

      String l40s = await(port, body -> body.contains("model=\"NVIDIA L40S\""));
      assertThat(l40s).as("the L40S replaced the H100 in the replay").doesNotContain("NVIDIA H100 80GB HBM3");
      await(port, body -> body.contains("nvidia_gpu_xid_errors_total{pci_bus_id=\"00000000:01:00.0\",severity="));
    } finally {
      agent.shutdown();
    }
  }

  private static String await(int port, Predicate<String> accept) {
    AtomicReference<String> last = new AtomicReference<>("");
    Awaitility.await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(() -> {
      HttpResponse<String> response = Exporters.HTTP.send(HttpRequest.newBuilder(
          URI.create("http://127.0.0.1:" + port + "/metrics")).build(), HttpResponse.BodyHandlers.ofString());
      last.set(response.body());
      return response.statusCode() == 200 && accept.test(response.body());
    });
    return last.get();
  }
}
