package dev.gputel.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as users call it; the runtime's own tests have no components on the class path. */
class CliTest {
  @TempDir Path directory;

  private static CliRunner.Result run(String... args) {
    return CliRunner.run(args);
  }

  @Test
  void versionNamesAgentSpiAndJava() {
    CliRunner.Result result = run("--version");

    assertThat(result.exit()).isZero();
    assertThat(result.out()).startsWith("gputel 0.1.0 (SPI 0.1.0, Java 25");
  }

  @Test
  void validateExitsOneAndPrintsEveryProblemOnStandardError() throws Exception {
    Path config = Files.writeString(directory.resolve("bad.conf"), """
        gputel {
          receivers { replay { } }
          pipelines { metrics { receivers = [replay], exporters = [debug] } }
        }
        """);

    CliRunner.Result result = run("validate", "--config", config.toString(), "--plugins", directory.resolve("none").toString());

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err()).contains(config + ":2: gputel.receivers.replay: unknown receiver type 'replay'")
        .contains(config + ":3: gputel.pipelines.metrics.exporters: pipeline 'metrics' names exporter 'debug'");
    assertThat(result.out()).isEmpty();
  }

  @Test
  void helpListsTheCommands() {
    CliRunner.Result result = run("--help");

    assertThat(result.exit()).isZero();
    assertThat(result.out()).contains("run", "validate", "components", "print-config");
  }

  @Test
  void unknownOptionIsAUsageError() {
    CliRunner.Result result = run("validate", "--config");

    assertThat(result.exit()).isEqualTo(2);
    assertThat(result.err()).contains("Missing required parameter");
  }
}
