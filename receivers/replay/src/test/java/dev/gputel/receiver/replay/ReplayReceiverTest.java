package dev.gputel.receiver.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import dev.gputel.spi.component.ComponentId;
import dev.gputel.spi.component.ComponentKind;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.consumer.Consumers;
import dev.gputel.spi.consumer.MetricsConsumer;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.testing.ManualClock;
import dev.gputel.testing.RecordingTelemetry;
import dev.gputel.testing.TelemetrySink;
import dev.gputel.testing.TestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayReceiverTest {
  @TempDir Path directory;
  private final TelemetrySink sink = new TelemetrySink();
  private final RecordingTelemetry telemetry = new RecordingTelemetry();
  private final ManualClock clock = ManualClock.atFixedStart();

  @Test
  void playsCapturesOneAfterAnotherAndStopsWhenToldOnce() throws Exception {
    ReplayReceiver receiver = receiver("""
        metrics-files = ["%s", "%s"]
        mode = once
        """.formatted(Captures.H100_IDLE, Captures.H100_LOAD));
    receiver.start(new TestHost());
    try {
      sink.awaitMetricBatches(2, Duration.ofSeconds(10));
    } finally {
      receiver.shutdown();
    }
    assertThat(sink.metricBatches()).hasSize(2);
    assertThat(sink.metricBatches()).extracting(batch -> value(batch.points(), "utilization_gpu"))
        .containsExactly(0.0, 100.0);
  }

  @Test
  void logLinesBecomeEventsWithStableIdsPerPass() throws Exception {
    Path log = Files.writeString(directory.resolve("kern.log"), String.join("\n",
        Captures.lines(Captures.XID_LINES).subList(16, 19)) + "\n\n");
    ReplayReceiver receiver = receiver("log-files = [\"%s\"]\nlog-lines-per-interval = 2\n".formatted(log));
    receiver.start(new TestHost());
    List<Event> events;
    try {
      events = sink.awaitEvents(6, Duration.ofSeconds(10));
    } finally {
      receiver.shutdown();
    }
    assertThat(events.subList(0, 3)).extracting(Event::body).containsExactly(
        "[Fri Aug 30 11:43:09 2024] NVRM: Xid (PCI:0000:cb:00): 13, pid='<unknown>', name=<unknown>, "
            + "Graphics SM Warp Exception on (GPC 7, TPC 7, SM 0): Illegal Instruction Parameter",
        "[Fri Aug 30 11:43:14 2024] NVRM: Xid (PCI:0000:cb:00): 109, pid=1797828, name=pt_main_thread, "
            + "Ch 00000008, errorString CTX SWITCH TIMEOUT, Info 0x58005",
        "[Sat Aug 31 07:06:03 2024] NVRM: Xid (PCI:0000:cb:00): 31, pid=626486, name=pt_main_thread, "
            + "Ch 00000008, intr 00000000. MMU Fault: ENGINE GRAPHICS GPCCLIENT_T1_14 faulted @ 0x7f2f_cca58000. "
            + "Fault is of type FAULT_PDE ACCESS_TYPE_VIRT_READ");
    assertThat(events.get(0).attributes().asMap()).containsEntry("log.file.name", "kern.log")
        .containsEntry("log.file.line", 1L);
    assertThat(events.get(0).timestamp()).isEqualTo(clock.instant());
    // The second pass replays the same lines as new occurrences: same bodies, new ids.
    assertThat(events.get(3).body()).isEqualTo(events.get(0).body());
    assertThat(events).extracting(Event::id).doesNotHaveDuplicates();
  }

  @Test
  void strayLinesInACaptureAreSkippedAndCounted() throws Exception {
    List<String> lines = new java.util.ArrayList<>(Captures.lines(Captures.H100_LOAD));
    lines.add(1, "this is not a CSV row");
    Path capture = Files.write(directory.resolve("with-noise.csv"), lines);
    ReplayReceiver receiver = receiver("metrics-files = [\"%s\"]\nmode = once\n".formatted(capture));
    receiver.start(new TestHost());
    try {
      sink.awaitMetricBatches(1, Duration.ofSeconds(10));
    } finally {
      receiver.shutdown();
    }
    assertThat(telemetry.count("lines_skipped")).isEqualTo(1);
    assertThat(value(sink.points(), "utilization_gpu")).isEqualTo(100.0);
  }

  @Test
  void collectsOnlyTheMetricsSomePipelineWants() throws Exception {
    Set<String> wanted = Set.of("utilization_gpu", "power_draw");
    ReplayReceiver receiver = receiver("metrics-files = [\"%s\"]\nmode = once\n".formatted(Captures.H100_LOAD),
        new Consumers(new MetricsConsumer() {
          @Override
          public void consume(MetricBatch batch) {
            sink.consume(batch);
          }

          @Override
          public boolean wants(String metricName) {
            return wanted.contains(metricName);
          }
        }, sink::consume));
    receiver.start(new TestHost());
    try {
      sink.awaitMetricBatches(1, Duration.ofSeconds(10));
    } finally {
      receiver.shutdown();
    }
    assertThat(sink.points()).extracting(MetricPoint::name).containsOnlyElementsOf(wanted)
        .contains("utilization_gpu", "power_draw");
  }

  @Test
  void aReceiverWhoseMetricsNobodyWantsSendsNoMetricBatches() throws Exception {
    Path log = Files.writeString(directory.resolve("kern.log"), Captures.lines(Captures.XID_LINES).get(16) + "\n");
    ReplayReceiver receiver = receiver("""
        metrics-files = ["%s"]
        log-files = ["%s"]
        mode = once
        """.formatted(Captures.H100_LOAD, log),
        new Consumers(new MetricsConsumer() {
          @Override
          public void consume(MetricBatch batch) {
            sink.consume(batch);
          }

          @Override
          public boolean wants(String metricName) {
            return false;
          }
        }, sink::consume));
    receiver.start(new TestHost());
    try {
      sink.awaitEvents(1, Duration.ofSeconds(10));
      // The capture has one sample, sent in the same tick as the line: it was skipped, not late.
    } finally {
      receiver.shutdown();
    }
    assertThat(sink.metricBatches()).isEmpty();
  }

  @Test
  void aMissingFileIsAConfigurationErrorThatNamesIt() {
    ConfigException.BadValue error = catchThrowableOfType(ConfigException.BadValue.class,
        () -> receiver("metrics-files = [\"/no/such/capture.csv\"]"));

    assertThat(error.getMessage()).contains("metrics-files").contains("no such file: /no/such/capture.csv");
  }

  @Test
  void nothingToReplayIsAConfigurationError() {
    assertThat(catchThrowableOfType(ConfigException.BadValue.class, () -> receiver("")).getMessage())
        .contains("nothing to replay");
  }

  private ReplayReceiver receiver(String body) {
    return receiver(body, sink.consumers());
  }

  private ReplayReceiver receiver(String body, Consumers next) {
    var config = ConfigFactory.parseString(body + "\ninterval = 5ms\n")
        .withFallback(ConfigFactory.parseResources("reference.conf").getConfig("gputel.receivers.replay"))
        .resolve();
    ComponentSettings settings = new ComponentSettings(new ComponentId(ComponentKind.RECEIVER, "replay", ""),
        telemetry, clock, directory, "test");
    return new ReplayReceiver(ReplayConfig.from(config), settings, next);
  }

  private static double value(List<MetricPoint> points, String name) {
    return points.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().value();
  }
}
