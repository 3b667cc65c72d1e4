package dev.gputel.exporter.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/** Runs {@code promtool check metrics} (Debian's prometheus package; .ci/run installs it). */
final class Promtool {
  private Promtool() {}

  /** The result: promtool's exit code and what it printed (errors and lint findings). */
  record Check(int exitCode, String output) {}

  static Check checkMetrics(String exposition) throws IOException, InterruptedException {
    Process promtool;
    try {
      promtool = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new IOException("promtool is not installed: apt-get install prometheus (as .ci/run does)", e);
    }
    promtool.getOutputStream().write(exposition.getBytes(StandardCharsets.UTF_8));
    promtool.getOutputStream().close();
    String output = new String(promtool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(promtool.waitFor(30, TimeUnit.SECONDS)).as("promtool finished").isTrue();
    return new Check(promtool.exitValue(), output);
  }
}
