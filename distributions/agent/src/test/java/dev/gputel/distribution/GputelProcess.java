package dev.gputel.distribution;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * {@code bin/gputel} as a child process with exactly the given environment, its output captured to
 * files (pipes could fill up and stall a long-running agent).
 */
final class GputelProcess implements AutoCloseable {
  /** Long enough for a JVM start on a loaded 2-core build machine, short enough to fail a hang. */
  static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

  private final Process process;
  private final Path stdout;
  private final Path stderr;

  private GputelProcess(Process process, Path stdout, Path stderr) {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  static GputelProcess start(Path launcher, Path workDirectory, Map<String, String> environment,
      List<String> arguments) throws IOException {
    Files.createDirectories(workDirectory);
    List<String> command = new ArrayList<>(List.of(launcher.toString()));
    command.addAll(arguments);
    Path stdout = Files.createTempFile(workDirectory, "gputel", ".stdout");
    Path stderr = Files.createTempFile(workDirectory, "gputel", ".stderr");
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(workDirectory.toFile())
        .redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    return new GputelProcess(builder.start(), stdout, stderr);
  }

  /** Waits up to {@link #COMMAND_TIMEOUT} for the process to exit. */
  Result finish() throws InterruptedException, TimeoutException {
    return finish(COMMAND_TIMEOUT);
  }

  Result finish(Duration timeout) throws InterruptedException, TimeoutException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new TimeoutException("gputel still running after " + timeout + "\nstderr:\n" + stderr());
    }
    return new Result(process.exitValue(), stdout(), stderr());
  }

  /** Sends SIGTERM, as systemd does on stop. */
  void terminate() {
    process.destroy();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** Sleeps a little, returning early if the process exits: the pause between two polls. */
  void pause() throws InterruptedException {
    process.waitFor(100, TimeUnit.MILLISECONDS);
  }

  String stdout() {
    return read(stdout);
  }

  String stderr() {
    return read(stderr);
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }

  /** What a finished command left behind. */
  record Result(int exitCode, String stdout, String stderr) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout:\n" + stdout + "\n--- stderr:\n" + stderr;
    }
  }
}
