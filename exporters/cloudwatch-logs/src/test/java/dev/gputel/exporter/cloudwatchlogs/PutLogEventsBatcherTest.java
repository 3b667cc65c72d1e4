package dev.gputel.exporter.cloudwatchlogs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PutLogEventsBatcherTest {
  private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
  private final PutLogEventsBatcher batcher = new PutLogEventsBatcher();

  private static List<LogEvent> events(int count, int messageBytes, Duration step) {
    List<LogEvent> events = new ArrayList<>(count);
    String message = "x".repeat(messageBytes);
    for (int i = 0; i < count; i++) {
      events.add(new LogEvent(NOW.minus(Duration.ofHours(1)).plus(step.multipliedBy(i)).toEpochMilli(), message, "e" + i));
    }
    return events;
  }

  @Test
  void atMostTenThousandEventsPerCall() {
    var plan = batcher.plan(events(25_001, 1, Duration.ZERO), NOW);
    assertThat(plan.batches()).extracting(b -> b.events().size()).containsExactly(10_000, 10_000, 5_001);
  }

  @Test
  void bytesCountTwentySixPerEventAndTheLimitIsInclusive() {
    // 1,048,576 = 16 * 65,536: 16 events of 65,510 bytes fill a call exactly.
    var exact = batcher.plan(events(16, 65_510, Duration.ZERO), NOW);
    assertThat(exact.batches()).hasSize(1);
    assertThat(exact.batches().getFirst().bytes()).isEqualTo(1_048_576);
    var oneMore = batcher.plan(events(16, 65_511, Duration.ZERO), NOW);
    assertThat(oneMore.batches()).extracting(b -> b.events().size()).containsExactly(15, 1);
  }

  @Test
  void multiByteCharactersCountInUtf8() {
    LogEvent event = new LogEvent(NOW.toEpochMilli(), "é€😀", "1");
    assertThat(event.billedBytes()).isEqualTo(2 + 3 + 4 + 26);
  }

  @Test
  void aCallSpansAtMostTwentyFourHours() {
    List<LogEvent> events = List.of(
        new LogEvent(NOW.minus(Duration.ofHours(30)).toEpochMilli(), "a", "a"),
        new LogEvent(NOW.minus(Duration.ofHours(6)).toEpochMilli(), "b", "b"), // exactly 24 h later: same call
        new LogEvent(NOW.minus(Duration.ofHours(6)).plusMillis(1).toEpochMilli() + 0, "c", "c"));
    var plan = batcher.plan(events, NOW);
    assertThat(plan.batches()).extracting(b -> b.events().size()).containsExactly(2, 1);
    for (var batch : plan.batches()) {
      assertThat(batch.lastTimestamp() - batch.firstTimestamp()).isLessThanOrEqualTo(Duration.ofHours(24).toMillis());
    }
  }

  @Test
  void eventsAreSortedStablyByTime() {
    List<LogEvent> events = List.of(new LogEvent(3, "c", "c"), new LogEvent(1, "a1", "a1"),
        new LogEvent(2, "b", "b"), new LogEvent(1, "a2", "a2"));
    var plan = new PutLogEventsBatcher(Duration.ofDays(14)).plan(events, Instant.ofEpochMilli(10));
    assertThat(plan.batches().getFirst().events()).extracting(LogEvent::id).containsExactly("a1", "a2", "b", "c");
  }

  @Test
  void tooOldTooNewAndEmptyAreSetAside() {
    List<LogEvent> events = List.of(
        new LogEvent(NOW.minus(Duration.ofDays(14)).minusMillis(1).toEpochMilli(), "old", "old"),
        new LogEvent(NOW.minus(Duration.ofDays(14)).toEpochMilli(), "edge-old", "edge-old"),
        new LogEvent(NOW.plus(Duration.ofHours(2)).toEpochMilli(), "edge-new", "edge-new"),
        new LogEvent(NOW.plus(Duration.ofHours(2)).plusMillis(1).toEpochMilli(), "new", "new"),
        new LogEvent(NOW.toEpochMilli(), "", "empty"));
    var plan = batcher.plan(events, NOW);
    assertThat(plan.tooOld()).extracting(LogEvent::id).containsExactly("old");
    assertThat(plan.tooNew()).extracting(LogEvent::id).containsExactly("new");
    assertThat(plan.empty()).extracting(LogEvent::id).containsExactly("empty");
    assertThat(plan.batches()).flatExtracting(PutLogEventsBatcher.Batch::events).extracting(LogEvent::id)
        .containsExactly("edge-old", "edge-new");
  }

  @Test
  void aShorterRetentionDropsExpiredEventsBeforeSending() {
    var plan = new PutLogEventsBatcher(Duration.ofDays(3)).plan(List.of(
        new LogEvent(NOW.minus(Duration.ofDays(4)).toEpochMilli(), "a", "a"),
        new LogEvent(NOW.minus(Duration.ofDays(2)).toEpochMilli(), "b", "b")), NOW);
    assertThat(plan.tooOld()).extracting(LogEvent::id).containsExactly("a");
  }

  @Test
  void aMessageTooLargeForOneCallIsCutToFit() {
    String huge = "é".repeat(600_000); // 1,200,000 bytes
    var plan = batcher.plan(List.of(new LogEvent(NOW.toEpochMilli(), huge, "big")), NOW);
    assertThat(plan.truncated()).isEqualTo(1);
    LogEvent cut = plan.batches().getFirst().events().getFirst();
    assertThat(cut.message()).endsWith(PutLogEventsBatcher.TRUNCATED_SUFFIX);
    assertThat(cut.billedBytes()).isLessThanOrEqualTo(1_048_576).isGreaterThan(1_048_576 - 4);
    assertThat(cut.id()).isEqualTo("big");
  }
}
