package dev.gputel.exporter.cloudwatchlogs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.Resource;
import dev.gputel.spi.data.Severity;
import dev.gputel.testing.ManualClock;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * format = raw-emf with route-by-event, the way the CloudWatch agent forwards what its port 25888
 * receives: each document unchanged, with the EMF header, in the group and stream it names, else
 * the configured ones. The documents are synthetic: the EMF specification's example layout with
 * made-up names and values.
 */
class EmfRoutingTest {
  private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
  private static final String CONFIG = """
      format = raw-emf
      route-by-event = true
      log-group-name = "emf/logs/default"
      log-stream-name = "{instance_id}"
      """;

  @TempDir Path state;

  private static Event document(String id, String group, String stream) {
    String body = "{\"_aws\":{\"Timestamp\":" + START.toEpochMilli() + ",\"CloudWatchMetrics\":[{\"Namespace\":\"app\","
        + "\"Dimensions\":[[\"Service\"]],\"Metrics\":[{\"Name\":\"latency\",\"Unit\":\"Milliseconds\"}]}]"
        + (group == null ? "" : ",\"LogGroupName\":\"" + group + "\"") + "},\"Service\":\"" + id + "\",\"latency\":12.5}";
    Attributes.Builder attributes = Attributes.builder().put("log.kind", "emf")
        .put(EventRoutes.GROUP_ATTRIBUTE, group).put(EventRoutes.STREAM_ATTRIBUTE, stream);
    return new Event(START, Severity.INFO, body, attributes.build(), id);
  }

  @Test
  void documentsGoUnchangedToTheGroupTheyNameWithTheEmfHeader() throws Exception {
    try (Harness h = new Harness(new ManualClock(START), state, CONFIG)) {
      List<Event> events = List.of(document("a", "/app/orders", null), document("b", "/app/payments", "pod-7"),
          document("c", null, null), document("d", "/app/orders", null));
      h.deliver(new EventBatch(XidEvents.HOST, events));

      assertThat(h.fake.violations()).isEmpty();
      assertThat(h.fake.stored()).extracting(s -> s.group() + " " + s.stream() + " " + s.message()).containsExactly(
          "/app/orders i-0abc1234def567890 " + events.get(0).body(),
          "/app/orders i-0abc1234def567890 " + events.get(3).body(),
          "/app/payments pod-7 " + events.get(1).body(),
          "emf/logs/default i-0abc1234def567890 " + events.get(2).body());
      // Every call, the first ones per stream included (answered ResourceNotFound, then sent again).
      assertThat(h.fake.putHeaderValues("x-amzn-logs-format")).hasSize(h.fake.calls("PutLogEvents"))
          .containsOnly("json/emf");
      assertThat(h.fake.calls("CreateLogGroup")).isEqualTo(3);
    }
  }

  @Test
  void aNameTheServiceWouldRefuseDropsThatDocumentOnly() throws Exception {
    try (Harness h = new Harness(new ManualClock(START), state, CONFIG)) {
      h.deliver(new EventBatch(Resource.empty(), List.of(document("bad", "has space", null),
          document("bad-stream", "/app/orders", "a:b"), document("good", "/app/orders", null))));

      assertThat(h.fake.violations()).isEmpty();
      assertThat(h.fake.stored()).extracting(FakeCloudWatchLogs.Stored::message).singleElement()
          .asString().contains("\"Service\":\"good\"");
      assertThat(h.telemetry.count("cloudwatch_logs_events_rejected", Map.of("reason", "invalid_name"))).isEqualTo(2);
    }
  }

  @Test
  void withoutRouteByEventEveryDocumentGoesToTheConfiguredGroupAndJsonHasNoEmfHeader() throws Exception {
    try (Harness h = new Harness(new ManualClock(START), state, "log-group-name = \"emf/logs/default\"")) {
      h.deliver(new EventBatch(Resource.empty(), List.of(document("a", "/app/orders", null))));

      assertThat(h.fake.stored()).extracting(FakeCloudWatchLogs.Stored::group).containsExactly("emf/logs/default");
      assertThat(h.fake.putHeaderValues("x-amzn-logs-format")).isNotEmpty().containsOnlyNulls();
    }
  }
}
