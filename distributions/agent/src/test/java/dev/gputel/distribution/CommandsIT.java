package dev.gputel.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.testing.AgentProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** The short-lived commands of the unpacked tarball: --version, components, validate. */
class CommandsIT {
  @TempDir static Path unpacked;
  static Distribution distribution;

  @TempDir Path work;

  @BeforeAll
  static void unpack() throws Exception {
    distribution = Distribution.unpack(unpacked);
  }

  @Test
  void launcherIsExecutableAsShipped() {
    assertThat(Files.isExecutable(distribution.launcher())).isTrue();
  }

  @Test
  void versionPrintsTheAgentVersion() throws Exception {
    AgentProcess.Result result = distribution.run(work, "--version");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stdout()).startsWith("gputel " + Distribution.VERSION + " ");
  }

  @Test
  void launcherFindsItsHomeThroughSymlinks() throws Exception {
    // Like /usr/local/bin/gputel -> /opt/gputel -> /opt/gputel-0.1.0: an absolute link to a
    // relative one. Both live beside the distribution so that @TempDir cleanup stays inside it.
    Path links = Files.createDirectories(unpacked.resolve("links"));
    Path relative = Files.createSymbolicLink(links.resolve("relative"),
        links.relativize(distribution.launcher()));
    Path link = Files.createSymbolicLink(links.resolve("gputel"), relative.toAbsolutePath());

    AgentProcess.Result result = Distribution.start(link, work, Distribution.environment(), "components")
        .finish(Distribution.COMMAND_TIMEOUT);

    // The built-in components are found only if lib/ was found next to the real bin/.
    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stdout()).contains("replay");
  }

  @Test
  void componentsListsTheBuiltInReceiverProcessorAndExporter() throws Exception {
    AgentProcess.Result result = distribution.run(work, "components");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stdout().lines())
        .anyMatch(line -> line.matches("replay\\s+receiver\\s+.*\\sbuilt-in\\s.*"))
        .anyMatch(line -> line.matches("nvml\\s+receiver\\s+.*\\sbuilt-in\\s.*"))
        .anyMatch(line -> line.matches("workload-profile\\s+processor\\s+.*\\sbuilt-in\\s.*"))
        .anyMatch(line -> line.matches("xid-classifier\\s+processor\\s+.*\\sbuilt-in\\s.*"))
        .anyMatch(line -> line.matches("resource-detection\\s+processor\\s+.*\\sbuilt-in\\s.*"))
        .anyMatch(line -> line.matches("debug\\s+exporter\\s+.*\\sbuilt-in\\s.*"));
    assertThat(result.stderr()).as("no plugin was skipped").doesNotContain("skipped");
  }

  @Test
  void validateReportsEveryProblemWithFileAndLine() throws Exception {
    Path capture = distribution.home()
        .resolve("config/captures/nvidia-smi/h100-80gb-hbm3__590.48.01__idle.csv");
    Path bad = work.resolve("bad.conf");
    Files.writeString(bad, """
        gputel {
          receivers {
            replay {
              metrics-files = ["%s"]
              intervall = 2s
            }
            dcgm {}
          }
          exporters {
            debug {
              retry { initial-interval = "ten seconds" }
            }
          }
          pipelines {
            metrics { receivers = [replay, dcgm], exporters = [debug, cloudwatch] }
          }
        }
        """.formatted(capture));

    AgentProcess.Result result = distribution.run(work, "validate", "--config", bad.toString());

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
    List<String> problems = result.stderr().lines().map(String::strip)
        .filter(line -> line.startsWith(bad + ":")).toList();
    assertThat(problems).as(result.toString()).satisfiesExactlyInAnyOrder(
        problem -> assertThat(problem).startsWith(bad + ":5:").contains("intervall", "interval"),
        problem -> assertThat(problem).startsWith(bad + ":7:").contains("dcgm"),
        problem -> assertThat(problem).startsWith(bad + ":11:").contains("initial-interval"),
        problem -> assertThat(problem).startsWith(bad + ":15:").contains("cloudwatch"));
  }

  @Test
  void validateReportsAMisspeltMetricIdWithFileLineAndSuggestion() throws Exception {
    Path bad = work.resolve("profile.conf");
    Files.writeString(bad, """
        gputel {
          receivers { replay { metrics-files = ["%s"] } }
          processors {
            workload-profile {
              profile = compute
              include-metrics = [temprature_gpu]
            }
          }
          exporters { debug { } }
          pipelines { metrics { receivers = [replay], processors = [workload-profile], exporters = [debug] } }
        }
        """.formatted(distribution.home().resolve("config/captures/nvidia-smi/h100-80gb-hbm3__590.48.01__idle.csv")));

    AgentProcess.Result result = distribution.run(work, "validate", "--config", bad.toString());

    assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
    assertThat(result.stderr().lines().map(String::strip).filter(line -> line.startsWith(bad + ":")))
        .as(result.toString()).containsExactly(
            bad + ":6: gputel.processors.workload-profile.include-metrics: 'temprature_gpu' is not a GPU metric id"
                + " (did you mean 'temperature_gpu'?)");
  }

  @ParameterizedTest
  @ValueSource(strings = {"demo.conf", "gpu-host.conf", "examples/emf-stdout.conf",
      "examples/prometheus.conf", "examples/emf-listener.conf"})
  void validateAcceptsTheShippedConfigurations(String file) throws Exception {
    AgentProcess.Result result = distribution.run(distribution.home(),
        "validate", "--config", "config/" + file);

    assertThat(result.exitCode()).as(result.toString()).isZero();
    assertThat(result.stdout()).contains("config/" + file + ": valid");
  }

  @Test
  void printConfigShowsTheDemoWithEveryDefaultFilledIn() throws Exception {
    AgentProcess.Result result = distribution.run(distribution.home(),
        "print-config", "--config", "config/demo.conf");

    assertThat(result.exitCode()).as(result.toString()).isZero();
    com.typesafe.config.Config effective = com.typesafe.config.ConfigFactory.parseString(result.stdout());
    assertThat(effective.getString("gputel.receivers.replay.interval")).isEqualTo("2s");
    assertThat(effective.getInt("gputel.receivers.replay.log-lines-per-interval")).isEqualTo(1);
    assertThat(effective.getString("gputel.exporters.debug.format")).isEqualTo("text");
    assertThat(effective.getInt("gputel.exporters.debug.queue.size")).isEqualTo(1000);
    assertThat(effective.getString("gputel.service.shutdown-timeout")).isEqualTo("5s");
    assertThat(effective.getStringList("gputel.pipelines.events.receivers")).containsExactly("replay");
    assertThat(effective.getStringList("gputel.pipelines.events.processors")).containsExactly("xid-classifier");
    assertThat(effective.getString("gputel.processors.xid-classifier.severity-policy")).isEqualTo("catalog");
    assertThat(effective.getStringList("gputel.processors.workload-profile.exclude-metrics")).isEmpty();
  }
}
