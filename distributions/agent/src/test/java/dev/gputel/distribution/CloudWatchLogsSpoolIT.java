package dev.gputel.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.gputel.testing.AgentProcess;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The cloudwatch-logs exporter in the installed agent, through its default on-disk spool: the
 * replayed kernel-log capture is classified and exported while CloudWatch Logs cannot be reached;
 * the agent is stopped, a stand-in service comes up, and the restarted agent (now with no event
 * source at all) delivers every event from its spool. Also shows that the distribution's lib/ has
 * what the SDK client needs with only the URL connection HTTP client.
 */
class CloudWatchLogsSpoolIT {
  private static final Pattern ACCEPTED = Pattern.compile(
      "^gputel_exporter_accepted_items_total\\{exporter=\"cloudwatch-logs\",signal=\"events\"} (\\S+)$", Pattern.MULTILINE);
  /** An event id inside a JSON message inside the JSON request: {@code \"event.id\":\"...\"}. */
  private static final Pattern EVENT_ID = Pattern.compile("\\\\\"event\\.id\\\\\":\\\\\"([^\\\\\"]+)\\\\\"");

  @TempDir Path unpacked;
  @TempDir Path data;
  @TempDir Path work;

  @Test
  void eventsSpooledDuringAnOutageArriveAfterARestart() throws Exception {
    Distribution distribution = Distribution.unpack(unpacked);
    Path capture = distribution.home().resolve("config/captures/kernel-log/xid-lines.log");
    metricsCapture = distribution.home().resolve("config/captures/nvidia-smi/h100-80gb-hbm3__590.48.01__idle.csv");
    long lines = Files.lines(capture).filter(line -> !line.isBlank()).count();
    int servicePort = AgentProcess.freePort();
    int adminPort = AgentProcess.freePort();
    Map<String, String> environment = new HashMap<>(Distribution.environment());
    environment.put("GPUTEL_ADMIN_PORT", String.valueOf(adminPort));
    environment.put("GPUTEL_DATA_DIR", data.toString());
    environment.put("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE");
    environment.put("AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");

    // 1. The service is down (nothing listens): every event waits in the spool.
    Path outage = config("outage.conf", servicePort, "log-files = [\"" + capture + "\"], mode = once");
    try (AgentProcess agent = Distribution.start(distribution.launcher(), work, environment, "run", "--config", outage.toString())) {
      agent.awaitHttp(adminPort, "/metrics", Duration.ofSeconds(90), body -> accepted(body) >= lines);
      agent.terminate();
      agent.finish(Duration.ofSeconds(30));
    }

    // 2. The service is back; the agent restarts with no event source and drains the spool.
    Set<String> ids = ConcurrentHashMap.newKeySet();
    CompletableFuture<Void> all = new CompletableFuture<>();
    HttpServer service = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), servicePort), 0);
    service.createContext("/", exchange -> {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
      if ("Logs_20140328.PutLogEvents".equals(target)) {
        Matcher m = EVENT_ID.matcher(body);
        while (m.find()) {
          ids.add(m.group(1));
        }
        if (ids.size() >= lines) {
          all.complete(null);
        }
      }
      answer(exchange, "{}");
    });
    service.start();
    try {
      Path drain = config("drain.conf", servicePort, "log-files = []");
      try (AgentProcess agent = Distribution.start(distribution.launcher(), work, environment, "run", "--config", drain.toString())) {
        try {
          all.get(90, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
          // Reported below with the agent's output.
        }
        agent.terminate();
        AgentProcess.Result result = agent.finish(Duration.ofSeconds(30));
        assertThat(ids).as(result.toString()).hasSize((int) lines);
      }
    } finally {
      service.stop(0);
    }
  }

  private Path metricsCapture;

  private Path config(String name, int servicePort, String replayEvents) throws IOException {
    String text = """
        gputel {
          service { shutdown-timeout = 5s }
          receivers {
            replay {
              # A metrics capture keeps the receiver valid when it has no log file to replay.
              metrics-files = ["%s"]
              %s
              interval = 100ms
              log-lines-per-interval = 20
            }
          }
          processors { xid-classifier { } }
          exporters {
            debug { output = file, path = "%s", verbosity = basic }
            cloudwatch-logs {
              region = us-east-1
              endpoint = "http://127.0.0.1:%d"
              request-timeout = 2s
              retry { initial-interval = 100ms, max-interval = 500ms }
            }
          }
          pipelines {
            metrics { receivers = [replay], exporters = [debug] }
            events { receivers = [replay], processors = [xid-classifier], exporters = [cloudwatch-logs] }
          }
        }
        """.formatted(metricsCapture, replayEvents, work.resolve("metrics.txt"), servicePort);
    Path file = work.resolve(name);
    Files.writeString(file, text);
    return file;
  }

  private static long accepted(String metrics) {
    Matcher m = ACCEPTED.matcher(metrics);
    return m.find() ? (long) Double.parseDouble(m.group(1)) : 0;
  }

  private static void answer(com.sun.net.httpserver.HttpExchange exchange, String json) throws IOException {
    byte[] out = json.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
    exchange.sendResponseHeaders(200, out.length);
    try (OutputStream o = exchange.getResponseBody()) {
      o.write(out);
    }
  }
}
