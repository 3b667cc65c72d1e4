package dev.gputel.examples.loadavg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.gputel.spi.component.ComponentId;
import dev.gputel.spi.component.ComponentKind;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.ComponentStatus;
import dev.gputel.spi.component.Telemetry;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.testing.ManualClock;
import dev.gputel.testing.RecordingTelemetry;
import dev.gputel.testing.TelemetrySink;
import dev.gputel.testing.TestHost;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the receiver does on good, missing and malformed files; reads are driven by poll(). */
class LoadavgReceiverTest {
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");

  @TempDir Path directory;
  private final ManualClock clock = new ManualClock(START);
  private final RecordingTelemetry telemetry = new RecordingTelemetry();
  private final TelemetrySink sink = new TelemetrySink();

  @Test
  void sendsFiveGaugesStampedByTheSettingsClock() throws IOException {
    Path file = write("1.25 0.75 0.50 3/456 7890\n");
    LoadavgReceiver receiver = receiver(file, Duration.ofSeconds(10));

    receiver.poll();
    clock.advance(Duration.ofSeconds(10));
    write("2.00 1.00 0.50 1/460 7901\n");
    receiver.poll();

    assertThat(sink.metricBatches()).hasSize(2);
    assertThat(sink.metricBatches().get(1).points())
        .extracting(MetricPoint::name, MetricPoint::value, MetricPoint::timestamp)
        .containsExactly(
            tuple("system_load_average_1m", 2.0, START.plusSeconds(10)),
            tuple("system_load_average_5m", 1.0, START.plusSeconds(10)),
            tuple("system_load_average_15m", 0.5, START.plusSeconds(10)),
            tuple("system_processes_running", 1.0, START.plusSeconds(10)),
            tuple("system_processes_total", 460.0, START.plusSeconds(10)));
    assertThat(telemetry.statuses()).containsExactly(ComponentStatus.ok());
    assertThat(telemetry.count("read_errors")).isZero();
  }

  @Test
  void aMissingFileIsDownAndCountedUntilItAppears() throws IOException {
    Path file = directory.resolve("loadavg");
    LoadavgReceiver receiver = receiver(file, Duration.ofSeconds(10));

    receiver.poll();
    receiver.poll();

    assertThat(sink.metricBatches()).isEmpty();
    assertThat(telemetry.count("read_errors")).isEqualTo(2);
    assertThat(telemetry.statuses())
        .as("reported once, not at every failed read")
        .containsExactly(ComponentStatus.down("cannot read " + file + ": no such file"));

    write("0.10 0.20 0.30 1/2 3\n");
    receiver.poll();

    assertThat(sink.points()).hasSize(5);
    assertThat(telemetry.statuses()).last().isEqualTo(ComponentStatus.ok());
  }

  @Test
  void malformedContentIsCountedAndReportedWithTheFileAndContent() throws IOException {
    Path file = write("0.10 0.20\n");
    LoadavgReceiver receiver = receiver(file, Duration.ofSeconds(10));

    receiver.poll();

    assertThat(sink.metricBatches()).isEmpty();
    assertThat(telemetry.count("read_errors")).isEqualTo(1);
    assertThat(telemetry.statuses()).singleElement().satisfies(status -> {
      assertThat(status.up()).isFalse();
      assertThat(status.reason()).startsWith(file + " is not in /proc/loadavg format").endsWith("\"0.10 0.20\\n\"");
    });

    write("0.10 0.20 0.30 1/2 3\n");
    receiver.poll();

    assertThat(sink.points()).hasSize(5);
    assertThat(telemetry.statuses()).last().isEqualTo(ComponentStatus.ok());
  }

  @Test
  void keepsReadingOnItsScheduleAfterAFailedRead() throws Exception {
    Path file = directory.resolve("loadavg");
    LoadavgReceiver receiver = receiver(file, Duration.ofMillis(20), telemetry);
    TestHost host = new TestHost();
    receiver.start(host);
    try {
      telemetry.awaitStatus(status -> !status.up(), Duration.ofSeconds(10)); // down while the file is missing
      write("0.10 0.20 0.30 1/2 3\n");
      sink.awaitMetricBatches(1, Duration.ofSeconds(10));
    } finally {
      receiver.shutdown();
    }
    assertThat(telemetry.statuses()).last().isEqualTo(ComponentStatus.ok());
    assertThat(host.fatalErrors()).isEmpty();
  }

  private LoadavgReceiver receiver(Path file, Duration interval) {
    return receiver(file, interval, telemetry);
  }

  private LoadavgReceiver receiver(Path file, Duration interval, Telemetry telemetry) {
    ComponentSettings settings = new ComponentSettings(
        new ComponentId(ComponentKind.RECEIVER, "loadavg", ""), telemetry, clock, directory, "test");
    return new LoadavgReceiver(new LoadavgConfig(file, interval), settings, sink::consume);
  }

  /** Replaces the file in one step, as the kernel does, so a read never sees half of it. */
  private Path write(String content) throws IOException {
    Path file = directory.resolve("loadavg");
    Path next = Files.writeString(directory.resolve("loadavg.next"), content);
    return Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
