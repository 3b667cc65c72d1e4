package dev.gputel.exporter.cloudwatchlogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gputel.exporter.cloudwatchlogs.FakeCloudWatchLogs.Fault;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.exporter.PermanentExportException;
import dev.gputel.testing.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exporter and the real SDK client against the fake service, under every fault. */
class FakeServiceFaultTest {
  private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
  private static final String GROUP = "/ec2/accelerated/accel-event-log";
  private static final String STREAM = "i-0abc1234def567890";

  @TempDir Path state;

  private Harness harness(String config) throws Exception {
    return new Harness(new ManualClock(START), state, config);
  }

  @Test
  void createsGroupStreamAndRetentionThenStoresJsonEventsWithTheirXidFields() throws Exception {
    try (Harness h = harness("retention-days = 30")) {
      EventBatch batch = XidEvents.batch("a", 20, START.minusSeconds(60), Duration.ofSeconds(1));
      h.deliver(batch);

      h.assertExactlyOnce(Harness.list(batch));
      assertThat(h.fake.streamExists(GROUP, STREAM)).isTrue();
      assertThat(h.fake.retention(GROUP)).isEqualTo(30);
      assertThat(h.fake.calls("CreateLogGroup")).isEqualTo(1);
      assertThat(h.fake.calls("PutRetentionPolicy")).isEqualTo(1);
      assertThat(h.telemetry.count("cloudwatch_logs_streams_created")).isEqualTo(1);
      assertThat(h.telemetry.count("cloudwatch_logs_events_sent")).isEqualTo(20);
      JsonNode first = new ObjectMapper().readTree(h.fake.stored().getFirst().message());
      assertThat(first.path("xid.code").asLong()).isEqualTo(79);
      assertThat(first.path("xid.mnemonic").asText()).isEqualTo("ROBUST_CHANNEL_GPU_HAS_FALLEN_OFF_THE_BUS");
      assertThat(first.path("severity").asText()).isEqualTo("FATAL");
      assertThat(first.path("host.name").asText()).isEqualTo("gpu-node-7");
      assertThat(first.path("body").asText()).startsWith("NVRM: Xid (PCI:0000:10:00): 79");
      assertThat(h.fake.stored().getFirst().timestamp()).isEqualTo(START.minusSeconds(60).toEpochMilli());

      // A second batch goes straight to the existing stream.
      h.deliver(XidEvents.batch("b", 5, START, Duration.ofSeconds(1)));
      assertThat(h.fake.calls("CreateLogStream")).isEqualTo(2); // group-missing attempt, then created
      assertThat(h.fake.calls("PutLogEvents")).isEqualTo(3);
    }
  }

  @Test
  void largeVolumeIsSplitWithinEveryLimit() throws Exception {
    try (Harness h = harness("")) {
      // 25,000 events with 300-byte padding, spread over 30 hours: the count, size and span limits all bite.
      List<EventBatch> sent = new ArrayList<>();
      EventBatch batch = XidEvents.batch("big", 25_000, START.minus(Duration.ofHours(29)), Duration.ofMillis(4_320));
      sent.add(batch);
      h.deliver(batch);
      h.assertExactlyOnce(sent);
      assertThat(h.fake.calls("PutLogEvents")).isGreaterThanOrEqualTo(4);
      assertThat(h.duplicates()).isZero();
      // Chronological within the stream, as the service requires per call.
      List<FakeCloudWatchLogs.Stored> stored = h.fake.stored();
      for (int i = 1; i < stored.size(); i++) {
        assertThat(stored.get(i).timestamp()).isGreaterThanOrEqualTo(stored.get(i - 1).timestamp());
      }
    }
  }

  @Test
  void throttlingStormIsRetriedWithBackoffUntilEveryEventArrivesOnce() throws Exception {
    try (Harness h = harness("")) {
      h.fake.faults(n -> n <= 40 || n % 3 == 0 ? Fault.THROTTLE : Fault.NONE);
      List<EventBatch> sent = new ArrayList<>();
      for (int b = 0; b < 10; b++) {
        EventBatch batch = XidEvents.batch("t" + b, 500, START.plusSeconds(b * 10L), Duration.ofMillis(10));
        sent.add(batch);
        h.deliver(batch);
      }
      h.assertExactlyOnce(sent);
      assertThat(h.retries).isGreaterThanOrEqualTo(40);
      assertThat(h.duplicates()).isZero();
    }
  }

  @Test
  void serverErrorsAreRetried() throws Exception {
    try (Harness h = harness("")) {
      Fault[] cycle = {Fault.SERVICE_UNAVAILABLE_500, Fault.INTERNAL_FAILURE_500, Fault.UNAVAILABLE_503, Fault.NONE};
      h.fake.faults(n -> cycle[n % cycle.length]);
      List<EventBatch> sent = new ArrayList<>();
      for (int b = 0; b < 12; b++) {
        EventBatch batch = XidEvents.batch("s" + b, 100, START.plusSeconds(b), Duration.ofMillis(5));
        sent.add(batch);
        h.deliver(batch);
      }
      h.assertExactlyOnce(sent);
      assertThat(h.retries).isGreaterThanOrEqualTo(12 * 3);
      assertThat(h.duplicates()).isZero();
    }
  }

  @Test
  void connectionResetsBeforeAndAfterTheServiceStoredTheEvents() throws Exception {
    try (Harness h = harness("")) {
      // Every other call dropped: half before the service read it, half after it stored the events
      // (the client cannot tell; it sends again, and dedupe by event id removes the copies).
      h.fake.faults(n -> switch (n % 4) {
        case 1 -> Fault.RESET_BEFORE;
        case 3 -> Fault.RESET_AFTER;
        default -> Fault.NONE;
      });
      List<EventBatch> sent = new ArrayList<>();
      for (int b = 0; b < 8; b++) {
        EventBatch batch = XidEvents.batch("r" + b, 200, START.plusSeconds(b), Duration.ofMillis(3));
        sent.add(batch);
        h.deliver(batch);
      }
      h.assertExactlyOnce(sent);
      assertThat(h.retries).isGreaterThan(0);
      assertThat(h.duplicates()).as("copies from calls answered by a reset").isGreaterThan(0);
    }
  }

  @Test
  void retryOfAHalfSentBatchSkipsTheCallsThatSucceeded() throws Exception {
    try (Harness h = harness("")) {
      // 30,000 events make at least 3 calls; the second fails once.
      h.fake.faults(n -> n == 3 ? Fault.UNAVAILABLE_503 : Fault.NONE); // 1: RNF, 2: first call, 3: second
      EventBatch batch = XidEvents.batch("h", 30_000, START.minusSeconds(3600), Duration.ofMillis(100));
      h.deliver(batch);
      h.assertExactlyOnce(List.of(batch));
      assertThat(h.duplicates()).isZero();
      assertThat(h.retries).isEqualTo(1);
    }
  }

  @Test
  void streamDeletedMidRunIsRecreated() throws Exception {
    try (Harness h = harness("")) {
      List<EventBatch> sent = new ArrayList<>();
      for (int b = 0; b < 6; b++) {
        if (b == 3) {
          h.fake.deleteStream(GROUP, STREAM);
        }
        EventBatch batch = XidEvents.batch("d" + b, 50, START.plusSeconds(b), Duration.ofMillis(10));
        sent.add(batch);
        h.deliver(batch);
      }
      h.assertExactlyOnce(sent);
      assertThat(h.telemetry.count("cloudwatch_logs_streams_created")).isEqualTo(2);
      assertThat(h.fake.calls("CreateLogGroup")).isEqualTo(1);
      assertThat(h.retries).isZero();
    }
  }

  @Test
  void anHourLongOutageOnTheTestClockLosesNothing() throws Exception {
    try (Harness h = harness("")) {
      h.fake.outageUntil(START.plus(Duration.ofHours(1)));
      // 8 GPUs, one event each every 10 s of the outage; batches wait in order as in the spool.
      List<EventBatch> pending = new ArrayList<>();
      for (int minute = 0; minute < 60; minute++) {
        pending.add(XidEvents.batch("o" + minute, 48, START.plus(Duration.ofMinutes(minute)), Duration.ofMillis(1250)));
      }
      for (EventBatch batch : pending) {
        h.deliver(batch); // The first waits out the outage; the rest go through at once.
      }
      h.assertExactlyOnce(pending);
      assertThat(h.clock.instant()).isAfterOrEqualTo(START.plus(Duration.ofHours(1)));
      assertThat(h.retries).isGreaterThan(50); // backoff tops out at 60 s
      assertThat(h.telemetry.count("cloudwatch_logs_events_sent")).isEqualTo(60 * 48);
      assertThat(h.duplicates()).isZero();
    }
  }

  @Test
  void eventsOutsideTheTimeWindowAreDroppedAndCountedAsTheServiceWould() throws Exception {
    try (Harness h = harness("")) {
      List<dev.gputel.spi.data.Event> events = new ArrayList<>();
      events.add(XidEvents.event("old", START.minus(Duration.ofDays(15)), 0, 1));
      events.add(XidEvents.event("ok", START, 0, 2));
      events.add(XidEvents.event("future", START.plus(Duration.ofHours(3)), 0, 3));
      h.deliver(new EventBatch(XidEvents.HOST, events));
      assertThat(h.arrivals()).containsOnlyKeys("ok");
      assertThat(h.telemetry.count("cloudwatch_logs_events_rejected", Map.of("reason", "too_old"))).isEqualTo(1);
      assertThat(h.telemetry.count("cloudwatch_logs_events_rejected", Map.of("reason", "too_new"))).isEqualTo(1);
      assertThat(h.fake.violations()).isEmpty();
    }
  }

  @Test
  void rejectedLogEventsInfoFromTheServiceIsHonoured() throws Exception {
    try (Harness h = harness("")) {
      h.fake.createGroup(GROUP);
      PutLogEventsSender sender = sender(h, Map.of());
      // Planned by an agent whose clock runs 3 hours behind the service's: the first event is
      // inside 14 days for the agent and outside for the service, which stores only the rest.
      PutLogEventsBatcher.Plan plan = new PutLogEventsBatcher().plan(List.of(
          new LogEvent(START.minus(Duration.ofDays(14)).plus(Duration.ofHours(1)).toEpochMilli(), "edge", "edge"),
          new LogEvent(START.minus(Duration.ofDays(14)).plus(Duration.ofHours(5)).toEpochMilli(), "fine", "fine")),
          START);
      assertThat(plan.batches()).hasSize(1);
      h.clock.advance(Duration.ofHours(3));
      PutLogEventsSender.Result result = sender.send(GROUP, STREAM, plan.batches().getFirst());
      assertThat(result.tooOld()).isEqualTo(1);
      assertThat(result.accepted()).isEqualTo(1);
      assertThat(result.streamCreated()).isTrue();
      assertThat(h.fake.stored()).extracting(FakeCloudWatchLogs.Stored::message).containsExactly("fine");
    }
  }

  private static PutLogEventsSender sender(Harness h, Map<String, String> headers) {
    return new PutLogEventsSender(h.exporter.client().orElseThrow(), headers, java.util.Optional.empty(),
        org.slf4j.LoggerFactory.getLogger(FakeServiceFaultTest.class));
  }

  @Test
  void anInvalidRequestIsAPermanentFailure() throws Exception {
    try (Harness h = harness("")) {
      h.fake.createGroup(GROUP);
      PutLogEventsSender sender = sender(h, Map.of());
      // Out of order: only a hand-built batch can be; the batcher never makes one.
      var batch = new PutLogEventsBatcher.Batch(List.of(new LogEvent(START.toEpochMilli(), "b", "2"),
          new LogEvent(START.minusSeconds(1).toEpochMilli(), "a", "1")), 54);
      assertThatThrownBy(() -> sender.send(GROUP, STREAM, batch))
          .isInstanceOf(PermanentExportException.class)
          .hasMessageContaining("chronological order");
    }
  }

  @Test
  void emfHeaderCanBeAddedForReuseByTheEmfExporter() throws Exception {
    try (Harness h = harness("")) {
      h.fake.createGroup(GROUP);
      PutLogEventsSender sender = sender(h, Map.of("x-amzn-logs-format", "json/emf"));
      var plan = new PutLogEventsBatcher().plan(List.of(new LogEvent(START.toEpochMilli(), "{\"_aws\":{}}", "1")), START);
      sender.send(GROUP, STREAM, plan.batches().getFirst());
      assertThat(h.fake.lastHeader("x-amzn-logs-format")).isEqualTo("json/emf");
    }
  }
}
