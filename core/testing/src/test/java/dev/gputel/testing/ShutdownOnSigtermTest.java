package dev.gputel.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent in its own process, stopped the way systemd and container runtimes stop it: SIGTERM.
 * Receivers stop first; exporters send what is queued, within the shutdown deadline.
 */
class ShutdownOnSigtermTest {
  private static final int BATCHES = 100;

  @TempDir Path work;

  @Test
  void sigtermSendsEveryQueuedBatchBeforeExit() throws Exception {
    Path out = work.resolve("out.txt");
    try (AgentProcess agent = start(out, "50ms", "30s")) {
      String metrics = awaitBacklog(agent);
      assertThat(sent(metrics)).as("a backlog exists when SIGTERM arrives").isLessThan(BATCHES);

      agent.terminate();

      assertThat(agent.awaitExit(Duration.ofSeconds(30))).isEqualTo(143);
      assertThat(Files.readAllLines(out)).hasSize(BATCHES).doesNotHaveDuplicates();
      assertThat(agent.stderr()).contains("stopping; exporters may drain until").contains("stopped")
          .doesNotContain("were dropped");
    }
  }

  @Test
  void sigtermStopsAtTheDeadlineAndSaysWhatWasDropped() throws Exception {
    Path out = work.resolve("out.txt");
    try (AgentProcess agent = start(out, "200ms", "1s")) {
      awaitBacklog(agent);
      long started = System.nanoTime();

      agent.terminate();

      assertThat(agent.awaitExit(Duration.ofSeconds(30))).isEqualTo(143);
      // Draining everything would take 100 x 200 ms = 20 s; the deadline is 1 s.
      assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
      int delivered = Files.exists(out) ? Files.readAllLines(out).size() : 0;
      Matcher dropped = Pattern.compile("(\\d+) item\\(s\\) were still queued at the shutdown deadline and were dropped")
          .matcher(agent.stderr());
      assertThat(dropped.find()).as("the agent says what it dropped:\n%s", agent.stderr()).isTrue();
      // The batch in flight at the deadline is counted as dropped too, and may or may not have
      // reached the file before it was interrupted.
      assertThat(delivered + Integer.parseInt(dropped.group(1))).isBetween(BATCHES - 1, BATCHES + 1);
    }
  }

  private AgentProcess start(Path out, String delay, String shutdownTimeout) throws Exception {
    Path plugins = work.resolve("plugins");
    TestPlugins.burstAndSlowFile().writeTo(plugins);
    int port = AgentProcess.freePort();
    Path config = Files.writeString(work.resolve("gputel.conf"), """
        gputel {
          service { data-directory = "%s", shutdown-timeout = %s, admin.port = %d }
          receivers { burst { count = %d } }
          exporters { slow-file { path = "%s", delay = %s } }
          pipelines { metrics { receivers = [burst], exporters = [slow-file] } }
        }
        """.formatted(work.resolve("data"), shutdownTimeout, port, BATCHES, out, delay));
    AgentProcess agent = AgentProcess.start(System.getProperty("java.class.path"), work, Map.of(),
        "run", "--config", config.toString(), "--plugins", plugins.toString());
    this.port = port;
    return agent;
  }

  private int port;

  /** Waits until the receiver has handed over every batch, and returns the metrics page then. */
  private String awaitBacklog(AgentProcess agent) throws Exception {
    return agent.awaitHttp(port, "/metrics", Duration.ofSeconds(30),
        body -> body.contains("gputel_receiver_accepted_items_total{receiver=\"burst\",signal=\"metrics\"} " + BATCHES));
  }

  private static long sent(String metrics) {
    Matcher sent = Pattern.compile("gputel_exporter_sent_items_total\\{exporter=\"slow-file\",signal=\"metrics\"} (\\d+)")
        .matcher(metrics);
    return sent.find() ? Long.parseLong(sent.group(1)) : 0;
  }

}
