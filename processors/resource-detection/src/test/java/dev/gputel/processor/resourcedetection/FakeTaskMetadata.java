package dev.gputel.processor.resourcedetection;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ECS agent's task metadata endpoint v4 on loopback: {@code ${ECS_CONTAINER_METADATA_URI_V4}}
 * answers the calling container's metadata and {@code .../task} the task's, GET only, as the agent
 * serves them; anything else is 404. The bodies are the synthetic fixtures in testdata/ecs, shaped
 * after the documented v4 responses. Faults: the next requests fail with a status.
 */
final class FakeTaskMetadata implements AutoCloseable {
  static final String CONTAINER_PATH = "/v4/1a2b3c4d5e6f-3127081623";

  private final HttpServer server;
  private final AtomicInteger failures = new AtomicInteger();
  private volatile String task = Fixtures.read("ecs/task.json");
  private volatile String container = Fixtures.read("ecs/container.json");

  FakeTaskMetadata() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The value ECS would put in ECS_CONTAINER_METADATA_URI_V4. */
  URI endpoint() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + CONTAINER_PATH);
  }

  /** Serves the task document with {@code from} replaced by {@code to} (another launch type...). */
  FakeTaskMetadata replaceInTask(String from, String to) {
    task = task.replace(from, to);
    return this;
  }

  FakeTaskMetadata failNext(int count) {
    failures.set(count);
    return this;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      exchange.getRequestBody().readAllBytes();
      String path = exchange.getRequestURI().getPath();
      if (failures.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
        respond(exchange, 500, "{\"error\":\"internal\"}");
      } else if (!exchange.getRequestMethod().equals("GET")) {
        respond(exchange, 405, "");
      } else if (path.equals(CONTAINER_PATH)) {
        respond(exchange, 200, container);
      } else if (path.equals(CONTAINER_PATH + "/task")) {
        respond(exchange, 200, task);
      } else {
        respond(exchange, 404, "404 page not found");
      }
    }
  }

  private static void respond(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      exchange.getResponseBody().write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
