package dev.gputel.image;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The ECS task metadata endpoint v4 as the ECS agent serves it to a container: {@code GET <base>}
 * answers the container's metadata, {@code GET <base>/task} the task's (the synthetic fixtures in
 * src/test/resources/ecs). Listens on 127.0.0.1, which a container sharing the host's network
 * namespace reaches.
 */
final class FakeTaskMetadataEndpoint implements AutoCloseable {
  private static final String BASE = "/v4/7f3c9a1e5b2d4f608192a3b4c5d6e7f8-1234567890";

  private final HttpServer server;
  private final AtomicInteger taskRequests = new AtomicInteger();

  FakeTaskMetadataEndpoint() throws IOException {
    String container = fixture("ecs/container.json");
    String task = fixture("ecs/task.json");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/", exchange -> {
      String path = exchange.getRequestURI().getPath();
      String body = null;
      if (exchange.getRequestMethod().equals("GET") && path.equals(BASE)) {
        body = container;
      } else if (exchange.getRequestMethod().equals("GET") && path.equals(BASE + "/task")) {
        taskRequests.incrementAndGet();
        body = task;
      }
      byte[] bytes = (body != null ? body : "404 page not found\n").getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", body != null ? "application/json" : "text/plain");
      exchange.sendResponseHeaders(body != null ? 200 : 404, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
  }

  /** What ECS puts in ECS_CONTAINER_METADATA_URI_V4. */
  String uri() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + BASE;
  }

  int taskRequests() {
    return taskRequests.get();
  }

  @Override
  public void close() {
    server.stop(0);
  }

  static String fixture(String name) {
    try (InputStream in = FakeTaskMetadataEndpoint.class.getResourceAsStream("/" + name)) {
      if (in == null) {
        throw new IllegalStateException("no test resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
