package dev.gputel.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigUtil;
import dev.gputel.testing.AgentProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The example plugin (examples/loadavg-receiver) installed the way docs/plugins.md says: its jar
 * dropped into the unpacked tarball's own plugins/ folder, with no --plugins option. The agent
 * lists it, validates and runs a pipeline from it, and skips a copy built for another SPI version.
 */
class ExamplePluginIT {
  private static final Duration STARTUP = Duration.ofSeconds(60);
  private static final Pattern SENT = Pattern.compile(
      "gputel_exporter_sent_items_total\\{[^}]*exporter=\"debug\"[^}]*signal=\"metrics\"[^}]*\\} [1-9]");

  @TempDir Path unpacked;
  @TempDir Path work;
  private Distribution distribution;
  private Path plugin;

  @BeforeEach
  void installThePlugin() throws Exception {
    distribution = Distribution.unpack(unpacked);
    Path jar = Path.of(System.getProperty("gputel.example.plugin"));
    assertThat(jar).as("the example plugin jar the reactor built").isRegularFile();
    plugin = Files.copy(jar, distribution.home().resolve("plugins").resolve(jar.getFileName()));
  }

  @Test
  void componentsListsTheReceiverFromThePluginsFolder() throws Exception {
    AgentProcess.Result result = distribution.run(work, "components");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stdout().lines()).as(result.toString())
        .anyMatch(line -> line.matches("loadavg\\s+receiver\\s+alpha\\s+metrics\\s+loadavg-receiver\\s.*"))
        .anyMatch(line -> line.matches("debug\\s+exporter\\s+.*\\sbuilt-in\\s.*"));
    assertThat(result.stderr()).as(result.toString()).doesNotContain("skipped");
  }

  @Test
  void validatesAndRunsAPipelineFromThePlugin() throws Exception {
    Path loadavg = Files.writeString(work.resolve("loadavg"), "1.25 0.75 0.50 7/321 9999\n");
    Path out = work.resolve("out.jsonl");
    Path config = loadavgConfig(loadavg, out);

    AgentProcess.Result validate = distribution.run(work, "validate", "--config", config.toString());
    assertThat(validate.exitCode()).as(validate.toString()).isZero();
    assertThat(validate.stdout()).contains(config + ": valid");

    int adminPort = AgentProcess.freePort();
    Map<String, String> environment = new HashMap<>(Distribution.environment());
    environment.put("GPUTEL_ADMIN_PORT", String.valueOf(adminPort));
    environment.put("GPUTEL_DATA_DIR", work.resolve("data").toString());

    try (AgentProcess agent = Distribution.start(distribution.launcher(), work, environment,
        "run", "--config", config.toString())) {
      agent.awaitHttp(adminPort, "/healthz", STARTUP, body -> body.contains("\"receiver/loadavg\":{\"up\":true"));
      agent.awaitHttp(adminPort, "/metrics", STARTUP, body -> SENT.matcher(body).find());

      // The debug exporter flushes each batch before it counts it as sent.
      assertThat(Files.readString(out))
          .contains("\"name\":\"system_load_average_1m\",\"value\":1.25")
          .contains("\"name\":\"system_processes_total\",\"value\":321");
      agent.terminate();
      AgentProcess.Result result = agent.finish(Duration.ofSeconds(20));
      assertThat(result.exitCode()).as(result.toString()).isEqualTo(RunDemoIT.STOPPED_BY_SIGTERM);
      assertThat(result.stderr()).as(result.toString()).doesNotContain("skipped", " ERROR ");
    }
  }

  @Test
  void skipsAPluginBuiltForAnotherSpiVersionAndRunsWithoutIt() throws Exception {
    Files.delete(plugin);
    withRequires(Path.of(System.getProperty("gputel.example.plugin")),
        distribution.home().resolve("plugins/loadavg-for-gputel-2.jar"), ">=2.0.0 & <3.0.0");

    AgentProcess.Result result = distribution.run(work, "components");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stderr()).as(result.toString()).contains(
        "skipped plugin loadavg-receiver: requires gputel SPI >=2.0.0 & <3.0.0 but this agent provides "
            + Distribution.VERSION);
    assertThat(result.stdout().lines()).as(result.toString())
        .noneMatch(line -> line.startsWith("loadavg "))
        .anyMatch(line -> line.startsWith("debug "));

    Path config = loadavgConfig(work.resolve("loadavg"), work.resolve("out.jsonl"));
    AgentProcess.Result validate = distribution.run(work, "validate", "--config", config.toString());
    assertThat(validate.exitCode()).as(validate.toString()).isEqualTo(1);
    assertThat(validate.stderr()).as(validate.toString()).contains(
        config + ":2: gputel.receivers.loadavg: unknown receiver type 'loadavg'",
        "note plugin loadavg-receiver: requires gputel SPI >=2.0.0 & <3.0.0");
  }

  /** A loadavg → debug pipeline reading {@code loadavg} every 100 ms into JSON lines in {@code out}. */
  private Path loadavgConfig(Path loadavg, Path out) throws IOException {
    return Files.writeString(work.resolve("loadavg.conf"), """
        gputel {
          receivers { loadavg { path = %s, interval = 100ms } }
          exporters { debug { output = file, path = %s, format = json } }
          pipelines { metrics { receivers = [loadavg], exporters = [debug] } }
        }
        """.formatted(ConfigUtil.quoteString(loadavg.toString()), ConfigUtil.quoteString(out.toString())));
  }

  /** Copies a plugin jar with another {@code Plugin-Requires}: the same classes, another SPI range. */
  private static void withRequires(Path jar, Path copy, String requires) throws IOException {
    try (JarFile source = new JarFile(jar.toFile())) {
      Manifest manifest = new Manifest(source.getManifest());
      manifest.getMainAttributes().putValue("Plugin-Requires", requires);
      try (OutputStream file = Files.newOutputStream(copy);
          JarOutputStream target = new JarOutputStream(file, manifest)) {
        for (JarEntry entry : source.stream().toList()) {
          if (entry.getName().equals(JarFile.MANIFEST_NAME)) {
            continue;
          }
          target.putNextEntry(new JarEntry(entry.getName()));
          try (InputStream content = source.getInputStream(entry)) {
            content.transferTo(target);
          }
          target.closeEntry();
        }
      }
    }
  }
}
