package dev.gputel.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.testing.AgentProcess;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The tarball that {@code mvn package} built, unpacked as an operator would unpack it. */
final class Distribution {
  static final String VERSION = System.getProperty("gputel.version");

  private final Path home;

  private Distribution(Path home) {
    this.home = home;
  }

  /**
   * Unpacks the tarball into {@code directory} with tar itself, so file modes (bin/gputel's 0755)
   * are tested exactly as they ship.
   */
  static Distribution unpack(Path directory) throws IOException, InterruptedException {
    Path tarball = Path.of(System.getProperty("gputel.tarball"));
    assertThat(tarball).as("the tarball; run these tests with mvn verify").isRegularFile();
    Process tar = new ProcessBuilder("tar", "xzf", tarball.toString(), "-C", directory.toString())
        .inheritIO().start();
    assertThat(tar.waitFor(60, TimeUnit.SECONDS)).as("tar finished").isTrue();
    assertThat(tar.exitValue()).as("tar exit code").isZero();
    return new Distribution(directory.resolve("gputel-" + VERSION));
  }

  Path home() {
    return home;
  }

  Path launcher() {
    return home.resolve("bin/gputel");
  }

  Path installer() {
    return home.resolve("install/install.sh");
  }

  /** Runs {@code install/install.sh} with {@code arguments} and waits for it to exit. */
  AgentProcess.Result install(Path workDirectory, String... arguments) throws Exception {
    return start(installer(), workDirectory, environment(), arguments).finish(COMMAND_TIMEOUT);
  }

  /** Long enough for a JVM start on a loaded 2-core build machine, short enough to fail a hang. */
  static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

  /** Runs {@code bin/gputel} with {@link #environment()} and waits for it to exit. */
  AgentProcess.Result run(Path workDirectory, String... arguments) throws Exception {
    return start(launcher(), workDirectory, environment(), arguments).finish(COMMAND_TIMEOUT);
  }

  /** Starts {@code launcher} (bin/gputel or a link to it) with exactly {@code environment}. */
  static AgentProcess start(Path launcher, Path workDirectory, Map<String, String> environment,
      String... arguments) throws Exception {
    List<String> command = new java.util.ArrayList<>(List.of(launcher.toString()));
    command.addAll(List.of(arguments));
    return AgentProcess.launch(command, workDirectory, environment);
  }

  /**
   * The test's own environment with JAVA_HOME set to the Java running the test (Java 25, which
   * the build enforces), and with no GPUTEL_* variable of the caller's leaking in.
   */
  static Map<String, String> environment() {
    Map<String, String> environment = new java.util.HashMap<>(System.getenv());
    environment.keySet().removeIf(name -> name.startsWith("GPUTEL_"));
    environment.put("JAVA_HOME", System.getProperty("java.home"));
    return environment;
  }
}
