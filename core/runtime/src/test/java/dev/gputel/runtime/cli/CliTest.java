package dev.gputel.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as users call it; the runtime's own tests have no components on the class path. */
class CliTest {
  @TempDir Path directory;

  @Test
  void versionNamesAgentSpiAndJava() {
    Result result = run("--version");

    assertThat(result.exit).isZero();
    assertThat(result.out).startsWith("gputel 0.1.0 (SPI 0.1.0, Java 25");
  }

  @Test
  void validateExitsOneAndPrintsEveryProblemOnStandardError() throws Exception {
    Path config = Files.writeString(directory.resolve("bad.conf"), """
        gputel {
          receivers { replay { } }
          pipelines { metrics { receivers = [replay], exporters = [debug] } }
        }
        """);

    Result result = run("validate", "--config", config.toString(), "--plugins", directory.resolve("none").toString());

    assertThat(result.exit).isEqualTo(1);
    assertThat(result.err).contains(config + ":2: gputel.receivers.replay: unknown receiver type 'replay'")
        .contains(config + ":3: gputel.pipelines.metrics.exporters: pipeline 'metrics' names exporter 'debug'");
    assertThat(result.out).isEmpty();
  }

  @Test
  void helpListsTheCommands() {
    Result result = run("--help");

    assertThat(result.exit).isZero();
    assertThat(result.out).contains("run", "validate", "components", "print-config");
  }

  @Test
  void unknownOptionIsAUsageError() {
    Result result = run("validate", "--config");

    assertThat(result.exit).isEqualTo(2);
    assertThat(result.err).contains("Missing required parameter");
  }

  private record Result(int exit, String out, String err) {}

  private static Result run(String... args) {
    PrintStream originalOut = System.out;
    PrintStream originalErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      var commandLine = Main.commandLine();
      commandLine.setOut(new java.io.PrintWriter(System.out, true));
      commandLine.setErr(new java.io.PrintWriter(System.err, true));
      int exit = commandLine.execute(args);
      return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(originalOut);
      System.setErr(originalErr);
    }
  }
}
