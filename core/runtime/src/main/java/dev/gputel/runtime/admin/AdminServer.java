package dev.gputel.runtime.admin;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gputel.runtime.Agent;
import dev.gputel.runtime.AgentContext;
import dev.gputel.runtime.config.AdminSettings;
import dev.gputel.runtime.telemetry.PrometheusText;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * The agent's admin endpoint: {@code GET /healthz} (JSON; 200 while running, 503 while starting or
 * stopping) and {@code GET /metrics} (the {@code gputel_*} self-telemetry in Prometheus text).
 */
public final class AdminServer {
  private final HttpServer server;
  private final ExecutorService executor;

  private AdminServer(HttpServer server, ExecutorService executor) {
    this.server = server;
    this.executor = executor;
  }

  public static AdminServer start(AdminSettings settings, AgentContext context, Supplier<Agent.State> state)
      throws IOException {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(settings.host(), settings.port()), 16);
    } catch (java.net.BindException e) {
      throw new IOException("admin endpoint cannot listen on " + settings.host() + ":" + settings.port()
          + " (" + e.getMessage() + "): set gputel.service.admin.port (or GPUTEL_ADMIN_PORT) to a free port,"
          + " or admin.enabled = false", e);
    }
    HealthReport health = new HealthReport(context, state);
    server.createContext("/healthz", exchange -> {
      if (allowGet(exchange)) {
        respond(exchange, health.isHealthy() ? 200 : 503, "application/json", health.json());
      }
    });
    server.createContext("/metrics", exchange -> {
      if (allowGet(exchange)) {
        respond(exchange, 200, PrometheusText.CONTENT_TYPE,
            PrometheusText.format(context.telemetry().snapshot()));
      }
    });
    server.createContext("/", exchange -> respond(exchange, 404, "text/plain; charset=utf-8",
        "not found: try /healthz or /metrics\n"));
    ExecutorService executor = Executors.newSingleThreadExecutor(
        Thread.ofPlatform().daemon().name("gputel-admin").factory());
    server.setExecutor(executor);
    server.start();
    return new AdminServer(server, executor);
  }

  public InetSocketAddress address() {
    return server.getAddress();
  }

  public void stop() {
    server.stop(0);
    executor.shutdownNow();
  }

  private static boolean allowGet(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    if (method.equals("GET") || method.equals("HEAD")) {
      return true;
    }
    exchange.getResponseHeaders().set("Allow", "GET, HEAD");
    respond(exchange, 405, "text/plain; charset=utf-8", "method not allowed\n");
    return false;
  }

  private static void respond(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      if (!head) {
        out.write(bytes);
      }
    }
  }
}
