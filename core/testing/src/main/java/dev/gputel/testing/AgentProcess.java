package dev.gputel.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/**
 * Runs {@code gputel} in a child JVM, as an operator would, with its output captured to files.
 * {@link #terminate()} sends SIGTERM, as systemd and container runtimes do.
 */
public final class AgentProcess implements AutoCloseable {
  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

  /** INFO to standard error, as in the distribution, so tests can read what the agent said. */
  private static final String LOGGING = """
      <configuration>
        <appender name="STDERR" class="ch.qos.logback.core.ConsoleAppender">
          <target>System.err</target>
          <encoder><pattern>%d{HH:mm:ss.SSS} %-5level [%thread] %logger{30} - %msg%n</pattern></encoder>
        </appender>
        <logger name="org.pf4j" level="WARN"/>
        <root level="INFO"><appender-ref ref="STDERR"/></root>
      </configuration>
      """;

  private final Process process;
  private final Path stdout;
  private final Path stderr;

  private AgentProcess(Process process, Path stdout, Path stderr) {
    this.process = process;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /**
   * Starts {@code gputel <arguments>} on {@code classPath}, in {@code workDirectory}, with this
   * process's environment plus {@code environment}.
   */
  public static AgentProcess start(String classPath, Path workDirectory, Map<String, String> environment,
      String... arguments) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Files.createDirectories(workDirectory);
    Path logging = workDirectory.resolve("logback.xml");
    Files.writeString(logging, LOGGING);
    List<String> command = new ArrayList<>(List.of(java.toString(), "--enable-native-access=ALL-UNNAMED",
        "-Dlogback.configurationFile=" + logging, "-cp", classPath, "dev.gputel.runtime.cli.Main"));
    command.addAll(List.of(arguments));
    Map<String, String> all = new HashMap<>(System.getenv());
    all.putAll(environment);
    return launch(command, workDirectory, all);
  }

  /**
   * Starts any command (a distribution's {@code bin/gputel}) in {@code workDirectory} with exactly
   * {@code environment}, its output captured to files: pipes could fill up and stall the agent.
   */
  public static AgentProcess launch(List<String> command, Path workDirectory, Map<String, String> environment)
      throws IOException {
    Files.createDirectories(workDirectory);
    Path stdout = Files.createTempFile(workDirectory, "agent", ".stdout");
    Path stderr = Files.createTempFile(workDirectory, "agent", ".stderr");
    ProcessBuilder builder = new ProcessBuilder(command)
        .directory(workDirectory.toFile())
        .redirectOutput(stdout.toFile())
        .redirectError(stderr.toFile());
    builder.environment().clear();
    builder.environment().putAll(environment);
    return new AgentProcess(builder.start(), stdout, stderr);
  }

  /** Returns the test's own class path without the entries {@code exclude} matches. */
  public static String classPathWithout(Predicate<String> exclude) {
    return String.join(System.getProperty("path.separator"),
        List.of(System.getProperty("java.class.path").split(System.getProperty("path.separator")))
            .stream().filter(entry -> !exclude.test(entry)).toList());
  }

  /** Returns a TCP port that was free a moment ago, for the agent's admin endpoint. */
  public static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits until {@code GET http://127.0.0.1:port/path} answers 200, and returns the body. */
  public String awaitHttp(int port, String path, Duration timeout) throws TimeoutException, InterruptedException {
    return awaitHttp(port, path, timeout, body -> true);
  }

  /** Waits until the endpoint answers 200 with a body {@code accept} takes, and returns it. */
  public String awaitHttp(int port, String path, Duration timeout, Predicate<String> accept)
      throws TimeoutException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    String last = "no answer";
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("agent exited before " + path + " was ready: "
            + new Result(process.exitValue(), stdout(), stderr()));
      }
      try {
        HttpResponse<String> response = HTTP.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(2)).build(),
            HttpResponse.BodyHandlers.ofString());
        last = response.statusCode() + " " + response.body();
        if (response.statusCode() == 200 && accept.test(response.body())) {
          return response.body();
        }
      } catch (IOException notYet) {
        last = notYet.toString();
      }
      // Polling an endpoint of another process: there is nothing to block on, so wait a little.
      process.waitFor(50, TimeUnit.MILLISECONDS);
    }
    throw new TimeoutException("http://127.0.0.1:" + port + path + " not ready after " + timeout
        + "; last: " + last + "\nagent stderr:\n" + stderr());
  }

  /** Sends SIGTERM. */
  public void terminate() {
    process.destroy();
  }

  /** Waits for the process to exit and returns its exit code. */
  public int awaitExit(Duration timeout) throws InterruptedException, TimeoutException {
    return finish(timeout).exitCode();
  }

  /** Waits for the process to exit and returns what it left behind. */
  public Result finish(Duration timeout) throws InterruptedException, TimeoutException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new TimeoutException("agent still running after " + timeout + "\n" + stderr());
    }
    return new Result(process.exitValue(), stdout(), stderr());
  }

  /** What a finished process left behind. */
  public record Result(int exitCode, String stdout, String stderr) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout:\n" + stdout + "\n--- stderr:\n" + stderr;
    }
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public String stdout() {
    return read(stdout);
  }

  public String stderr() {
    return read(stderr);
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
