package dev.gputel.processor.xidclassifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.typesafe.config.ConfigFactory;
import dev.gputel.runtime.Agent;
import dev.gputel.runtime.AgentContext;
import dev.gputel.runtime.ComponentCreator;
import dev.gputel.runtime.config.AgentSpec;
import dev.gputel.runtime.config.ConfigValidator;
import dev.gputel.runtime.plugin.PluginLoader;
import dev.gputel.runtime.telemetry.TelemetryRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real agent, built-in components found as in the distribution: the replay receiver sends the
 * real kernel lines of xid-lines.log, the processor classifies them, a debug exporter writes JSON
 * lines. This is the path a replayed demo takes.
 */
class ReplayToDebugTest {
  private static final JsonFactory JSON = new JsonFactory();
  @TempDir Path data;

  @Test
  void everyReplayedLineArrivesAndTheXidsAreClassified() throws Exception {
    Path out = data.resolve("events.jsonl");
    AgentSpec spec = new ConfigValidator(PluginLoader.load(data.resolve("no-plugins")),
        new ComponentCreator(Clock.systemUTC())).validate(ConfigFactory.parseString("""
        gputel {
          service { data-directory = "%s", admin.enabled = false, shutdown-timeout = 5s }
          receivers { replay { log-files = ["%s"], mode = once, interval = 10ms, log-lines-per-interval = 20 } }
          processors { xid-classifier { severity-policy = k8s-device-plugin } }
          exporters { debug { output = file, path = "%s", format = json } }
          pipelines { events { receivers = [replay], processors = [xid-classifier], exporters = [debug] } }
        }
        """.formatted(data, Captures.XID_LINES.toAbsolutePath(), out)).resolve());
    AgentContext context = AgentContext.create(Throwable::printStackTrace);
    TelemetryRegistry telemetry = context.telemetry();
    Agent agent = Agent.create(spec, context);
    int lines = Captures.lines().size();
    agent.start();
    try {
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> telemetry.value(
          "gputel_exporter_sent_items_total", Map.of("exporter", "debug", "signal", "events")) == lines);
    } finally {
      agent.shutdown();
    }

    List<String> events = Files.readAllLines(out);
    assertThat(events).hasSize(lines);
    List<String> bodies = new ArrayList<>();
    for (String event : events) {
      bodies.add(body(event));
    }
    assertThat(bodies).containsExactlyElementsOf(Captures.lines());
    String ctxSwitch = events.get(17);
    assertThat(ctxSwitch).as("109 is an application Xid for the device plugin").contains("\"severity\":\"WARN\"")
        .contains("\"xid.code\":109").contains("\"xid.mnemonic\":\"ROBUST_CHANNEL_CTXSW_TIMEOUT_ERROR\"");
    assertThat(events).filteredOn(e -> e.contains("\"log.kind\":\"xid\"")).hasSize(46);
    assertThat(events).filteredOn(e -> e.contains("\"log.kind\":\"sxid\"")).hasSize(6);
    assertThat(telemetry.value("gputel_processor_xid_events_total", Map.of("processor", "xid-classifier",
        "gpu_pci_bus_id", "00000000:91:00.0", "xid", "79", "severity", "FATAL"))).isEqualTo(1);
  }

  /** Returns the top-level "body" field of one JSON line. */
  private static String body(String json) throws java.io.IOException {
    try (JsonParser parser = JSON.createParser(json)) {
      parser.nextToken();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        if (field.equals("body")) {
          return parser.getText();
        }
        if (value.isStructStart()) {
          parser.skipChildren();
        }
      }
    }
    return null;
  }
}
