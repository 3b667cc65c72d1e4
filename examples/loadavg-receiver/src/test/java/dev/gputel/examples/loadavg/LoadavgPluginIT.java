package dev.gputel.examples.loadavg;

import static java.nio.file.StandardWatchEventKinds.ENTRY_CREATE;
import static java.nio.file.StandardWatchEventKinds.ENTRY_MODIFY;
import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigUtil;
import dev.gputel.testing.AgentProcess;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Installs the built plugin jar into a plugins directory and runs the real agent on it, in a child
 * JVM whose class path has gputel and the debug exporter but not this module's classes: the
 * receiver can only come from the jar, through pf4j.
 */
class LoadavgPluginIT {
  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final Pattern POINT = Pattern.compile("\"name\":\"(\\w+)\",\"value\":([0-9.Ee+-]+)");

  @TempDir Path directory;
  private Path plugins;
  private String classPath;

  @BeforeEach
  void installPlugin() throws IOException {
    Path jar = Path.of(System.getProperty("loadavg.plugin.jar"));
    assertThat(jar).as("the plugin jar 'package' builds").isRegularFile();
    plugins = Files.createDirectories(directory.resolve("plugins"));
    Files.copy(jar, plugins.resolve(jar.getFileName()));

    Set<Path> ownClasses = Set.of(jar, Path.of(System.getProperty("loadavg.classes")),
        Path.of(System.getProperty("loadavg.test.classes")));
    classPath = AgentProcess.classPathWithout(entry -> ownClasses.contains(Path.of(entry).toAbsolutePath()));
    assertThat(classPath.split(System.getProperty("path.separator")))
        .as("the agent's class path")
        .noneMatch(entry -> ownClasses.contains(Path.of(entry).toAbsolutePath()))
        .anyMatch(entry -> entry.contains("gputel-exporter-debug") || entry.contains("exporters/debug"));
    assertThat(classPath).as("something of this module was on the test class path and is left out")
        .isNotEqualTo(System.getProperty("java.class.path"));
  }

  @Test
  void componentsListsTheReceiverAsComingFromThePlugin() throws Exception {
    try (AgentProcess components = AgentProcess.start(classPath, directory.resolve("components"), Map.of(),
        "components", "--plugins", plugins.toString())) {
      assertThat(components.awaitExit(TIMEOUT)).as("exit code; stderr:\n%s", components.stderr()).isZero();

      String line = components.stdout().lines().filter(l -> l.startsWith("loadavg ")).findFirst()
          .orElseThrow(() -> new AssertionError("no loadavg in:\n" + components.stdout() + components.stderr()));
      assertThat(line.split("\\s+", 6))
          .as("TYPE KIND STABILITY SIGNALS PLUGIN DESCRIPTION")
          .startsWith("loadavg", "receiver", "alpha", "metrics", "loadavg-receiver");
      assertThat(components.stderr()).doesNotContain("skipped");
    }
  }

  @Test
  void theAgentRunsTheReceiverFromThePluginJar() throws Exception {
    Path loadavg = directory.resolve("loadavg");
    replace(loadavg, "1.25 0.75 0.50 7/321 9999\n");
    Path out = directory.resolve("out").resolve("out.jsonl");
    int port = AgentProcess.freePort();
    Path config = Files.writeString(directory.resolve("agent.conf"), """
        gputel {
          service {
            data-directory = %s
            shutdown-timeout = 5s
            admin { port = %d }
          }
          receivers {
            loadavg { path = %s, interval = 100ms }
          }
          exporters {
            debug { output = file, path = %s, format = json }
          }
          pipelines {
            metrics { receivers = [loadavg], exporters = [debug] }
          }
        }
        """.formatted(quote(directory.resolve("data")), port, quote(loadavg), quote(out)));

    try (AgentProcess agent = AgentProcess.start(classPath, directory.resolve("agent"), Map.of(),
        "run", "--config", config.toString(), "--plugins", plugins.toString())) {
      agent.awaitHttp(port, "/healthz", TIMEOUT, body -> body.contains("\"receiver/loadavg\":{\"up\":true"));

      String written = awaitFile(agent, out, text -> values(text, "system_load_average_1m").contains(1.25));
      assertThat(values(written, "system_load_average_5m")).contains(0.75);
      assertThat(values(written, "system_load_average_15m")).contains(0.5);
      assertThat(values(written, "system_processes_running")).contains(7.0);
      assertThat(values(written, "system_processes_total")).contains(321.0);

      replace(loadavg, "2.50 1.00 0.55 2/330 10010\n");
      awaitFile(agent, out, text -> values(text, "system_load_average_1m").contains(2.5));

      String metrics = agent.awaitHttp(port, "/metrics", TIMEOUT);
      assertThat(metrics).contains("gputel_receiver_up{receiver=\"loadavg\"} 1",
          "gputel_receiver_read_errors_total{receiver=\"loadavg\"} 0");
      assertThat(agent.stderr()).doesNotContain("plugin loadavg-receiver:");
      agent.terminate();
      agent.awaitExit(TIMEOUT);
    }
  }

  /** Returns the values of every JSON line for {@code metric} the debug exporter wrote. */
  private static List<Double> values(String jsonLines, String metric) {
    List<Double> values = new ArrayList<>();
    Matcher point = POINT.matcher(jsonLines);
    while (point.find()) {
      if (point.group(1).equals(metric)) {
        values.add(Double.parseDouble(point.group(2)));
      }
    }
    return values;
  }

  /**
   * Waits until {@code file} holds text {@code accept} takes, waking whenever its directory changes
   * (and at least twice a second, to notice an agent that died), and returns the text.
   */
  private static String awaitFile(AgentProcess agent, Path file, Predicate<String> accept)
      throws IOException, InterruptedException, TimeoutException {
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    Files.createDirectories(file.getParent());
    try (WatchService watcher = FileSystems.getDefault().newWatchService()) {
      file.getParent().register(watcher, ENTRY_CREATE, ENTRY_MODIFY);
      while (true) {
        String text = Files.exists(file) ? Files.readString(file) : "";
        if (accept.test(text)) {
          return text;
        }
        long remaining = deadline - System.nanoTime();
        if (remaining <= 0) {
          throw new TimeoutException("waited " + TIMEOUT + " for " + file + "; it holds:\n" + text
              + "\nagent stderr:\n" + agent.stderr());
        }
        if (!agent.isAlive()) {
          throw new IllegalStateException("the agent exited; stderr:\n" + agent.stderr());
        }
        WatchKey key = watcher.poll(Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(500)), TimeUnit.NANOSECONDS);
        if (key != null) {
          key.pollEvents();
          key.reset();
        }
      }
    }
  }

  /** Replaces the file in one step, so the receiver never reads half of it. */
  private static void replace(Path file, String content) throws IOException {
    Path next = Files.writeString(file.resolveSibling(file.getFileName() + ".next"), content);
    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  private static String quote(Path path) {
    return ConfigUtil.quoteString(path.toString());
  }
}
