package dev.gputel.exporter.cloudwatchlogs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gputel.spi.exporter.PermanentExportException;
import dev.gputel.testing.ManualClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The fake rejects what the service rejects: calls built by hand (not by the batcher) that break a
 * PutLogEvents limit fail whole with InvalidParameterException, which the exporter treats as
 * permanent, and nothing of them is stored.
 */
class FakeServiceLimitsTest {
  private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
  private static final String GROUP = "g";
  private static final String STREAM = "s";

  @TempDir Path state;

  private static PutLogEventsBatcher.Batch batch(int count, int messageBytes, Duration step) {
    List<LogEvent> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      events.add(new LogEvent(NOW.minus(Duration.ofDays(2)).plus(step.multipliedBy(i)).toEpochMilli(),
          "x".repeat(messageBytes), "e" + i));
    }
    return new PutLogEventsBatcher.Batch(events, 0);
  }

  private void assertRejected(PutLogEventsBatcher.Batch batch, String message) throws Exception {
    try (Harness h = new Harness(new ManualClock(NOW), state, "")) {
      h.fake.createGroup(GROUP);
      PutLogEventsSender sender = new PutLogEventsSender(h.exporter.client().orElseThrow(), Map.of(),
          Optional.empty(), LoggerFactory.getLogger(FakeServiceLimitsTest.class));
      assertThatThrownBy(() -> sender.send(GROUP, STREAM, batch))
          .isInstanceOf(PermanentExportException.class).hasMessageContaining(message);
      assertThat(h.fake.stored()).isEmpty();
      assertThat(h.fake.violations()).hasSize(1);
    }
  }

  @Test
  void moreThanTenThousandEvents() throws Exception {
    assertRejected(batch(10_001, 1, Duration.ZERO), "10001 log events");
  }

  @Test
  void moreThanOneMebibyteCountingTwentySixBytesPerEvent() throws Exception {
    // 16 x (65,511 + 26) = 1,048,592 bytes: over by 16 only because of the per-event overhead.
    assertRejected(batch(16, 65_511, Duration.ZERO), "Upload too large");
  }

  @Test
  void aSpanOfMoreThanTwentyFourHours() throws Exception {
    assertRejected(batch(2, 10, Duration.ofHours(24).plusMillis(1)), "cannot span more than 24 hours");
  }

  @Test
  void anEmptyMessage() throws Exception {
    assertRejected(batch(1, 0, Duration.ZERO), "log event 0 has 0 bytes");
  }
}
