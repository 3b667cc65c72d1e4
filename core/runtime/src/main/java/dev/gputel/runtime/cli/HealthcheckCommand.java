package dev.gputel.runtime.cli;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Asks a running agent's admin endpoint whether it is healthy. It exists for container health
 * checks: the image has no shell and no curl, so Docker's and ECS's HEALTHCHECK run this instead.
 */
@Command(name = "healthcheck", mixinStandardHelpOptions = true,
    description = "GET http://HOST:PORT/healthz of a running agent: exit 0 when it answers 200, 1 otherwise.")
final class HealthcheckCommand implements Callable<Integer> {
  static final int DEFAULT_PORT = 13133;

  @Option(names = "--host", paramLabel = "HOST", defaultValue = "127.0.0.1",
      description = "Admin endpoint address (default: ${DEFAULT-VALUE}).")
  String host;

  @Option(names = "--port", paramLabel = "PORT", defaultValue = "${env:GPUTEL_ADMIN_PORT:-" + DEFAULT_PORT + "}",
      description = "Admin endpoint port (default: $GPUTEL_ADMIN_PORT, else " + DEFAULT_PORT + ").")
  int port;

  @Option(names = "--timeout", paramLabel = "DURATION", defaultValue = "PT5S",
      description = "How long to wait for the answer, ISO-8601 (default: 5 seconds, PT5S).")
  Duration timeout;

  @Override
  public Integer call() throws InterruptedException {
    URI uri = URI.create("http://" + host + ":" + port + "/healthz");
    try (HttpClient client = HttpClient.newBuilder().connectTimeout(timeout).build()) {
      HttpResponse<String> response = client.send(HttpRequest.newBuilder(uri).timeout(timeout).build(),
          HttpResponse.BodyHandlers.ofString());
      // The body says which component is down and why; health-check logs keep it.
      System.out.println(response.body().strip());
      if (response.statusCode() == 200) {
        return 0;
      }
      System.err.println("gputel healthcheck: " + uri + " answered " + response.statusCode());
      return 1;
    } catch (IOException e) {
      System.err.println("gputel healthcheck: no answer from " + uri + ": " + e
          + " (is the agent running, with its admin endpoint on this port?)");
      return 1;
    }
  }
}
