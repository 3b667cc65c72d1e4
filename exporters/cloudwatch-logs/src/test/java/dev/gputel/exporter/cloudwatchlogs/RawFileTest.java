package dev.gputel.exporter.cloudwatchlogs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.exporter.cloudwatchlogs.FakeCloudWatchLogs.Fault;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.testing.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** format = raw and also-write-file: the AWS sample's /var/log/gpuevent.log layout, one kernel line each. */
class RawFileTest {
  private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

  @TempDir Path state;

  @Test
  void rawLinesGoToTheStreamAndOnceToTheFileDespiteRetries() throws Exception {
    Path file = state.resolve("log/gpuevent.log");
    try (Harness h = new Harness(new ManualClock(START), state,
        "format = raw\nalso-write-file = \"" + file + "\"\nlog-stream-name = \"{hostname}\"")) {
      h.fake.faults(n -> n % 2 == 0 ? Fault.UNAVAILABLE_503 : Fault.NONE);
      EventBatch batch = XidEvents.batch("raw", 4, START, Duration.ofSeconds(1));
      h.deliver(batch);
      List<String> bodies = batch.events().stream().map(e -> e.body()).toList();
      assertThat(h.fake.stored()).extracting(FakeCloudWatchLogs.Stored::message).containsExactlyElementsOf(bodies);
      assertThat(h.fake.stored()).extracting(FakeCloudWatchLogs.Stored::stream).containsOnly("gpu-node-7");
      assertThat(h.retries).isPositive();
      assertThat(Files.readAllLines(file)).containsExactlyElementsOf(bodies);
    }
  }
}
