package dev.gputel.runtime.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class HealthcheckCommandTest {
  private HttpServer server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  @Test
  void healthyAgentExitsZeroAndPrintsTheReport() throws IOException {
    int port = serve(200, "{\"status\": \"ok\"}");

    CliRunner.Result result = CliRunner.run("healthcheck", "--port", String.valueOf(port));

    assertThat(result.exit()).as(result.toString()).isZero();
    assertThat(result.out()).isEqualTo("{\"status\": \"ok\"}\n");
  }

  @Test
  void unhealthyAgentExitsOneWithItsReason() throws IOException {
    int port = serve(503, "{\"status\": \"down\", \"reason\": \"nvml: no GPU\"}");

    CliRunner.Result result = CliRunner.run("healthcheck", "--port", String.valueOf(port));

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.out()).contains("nvml: no GPU");
    assertThat(result.err()).contains("/healthz answered 503");
  }

  @Test
  void noAgentExitsOneAndSaysWhereItAsked() throws IOException {
    int port;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      port = socket.getLocalPort();
    }

    CliRunner.Result result = CliRunner.run("healthcheck", "--port", String.valueOf(port), "--timeout", "PT2S");

    assertThat(result.exit()).isEqualTo(1);
    assertThat(result.err()).contains("no answer from http://127.0.0.1:" + port + "/healthz");
  }

  private int serve(int status, String body) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/healthz", exchange -> {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(status, bytes.length);
      exchange.getResponseBody().write(bytes);
      exchange.close();
    });
    server.start();
    return server.getAddress().getPort();
  }
}
