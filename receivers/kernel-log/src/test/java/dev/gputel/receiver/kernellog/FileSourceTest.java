package dev.gputel.receiver.kernellog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gputel.spi.component.ComponentStatus;
import dev.gputel.spi.data.Event;
import dev.gputel.testing.ManualClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The file source following a syslog file the way logrotate rotates it. */
class FileSourceTest {
  private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

  @TempDir Path work;

  private Path log() {
    return work.resolve("kern.log");
  }

  private RunningReceiver start(String startAt) throws Exception {
    return RunningReceiver.start(work.resolve("state"), """
        source = file
        file { paths = ["%s"], start-at = %s }
        poll-interval = 20ms
        """.formatted(log(), startAt), new ManualClock(NOW), List.of());
  }

  private static void append(Path file, String... lines) throws Exception {
    Files.writeString(file, String.join("\n", lines) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  @Test
  void keepsTheNvidiaLinesOfTheRealCaptureWithTheirSyslogTime() throws Exception {
    Files.copy(Captures.XID_LINES, log());
    try (RunningReceiver run = start("all")) {
      await().atMost(RunningReceiver.WAIT).until(() -> run.sink.events().size() == Captures.nvidiaLines().size());
      assertThat(run.sink.bodies()).containsExactlyElementsOf(Captures.nvidiaLines());
      Event syslogLine = run.sink.events().stream()
          .filter(e -> e.body().startsWith("Apr 29 19:24:11 EVE kernel: NVRM: Xid")).findFirst().orElseThrow();
      assertThat(syslogLine.timestamp())
          .isEqualTo(java.time.LocalDateTime.parse("2026-04-29T19:24:11").atZone(ZoneId.systemDefault()).toInstant());
      assertThat(syslogLine.attributes().asMap()).containsEntry("log.source", "file")
          .containsEntry("log.file.path", log().toString()).doesNotContainKey("host.boot.id");
      Event dmesgLine = run.sink.events().getFirst();
      assertThat(dmesgLine.timestamp()).as("no time in a dmesg prefix: the time it was read").isEqualTo(NOW);
      assertThat(run.telemetry.count("lines_read")).isEqualTo(Captures.xidLines().size());
    }
  }

  @Test
  void withNoMatchEveryLineIsKeptAndTheFormatGivesItsTime() throws Exception {
    append(log(), "2026-05-31 23:00:01 gpu-check: all 8 GPUs healthy", "no time on this line");
    try (RunningReceiver run = RunningReceiver.start(work.resolve("state"), """
        source = file
        match = []
        file { paths = ["%s"], start-at = all, timestamp-format = "%%Y-%%m-%%d %%H:%%M:%%S", timezone = utc }
        poll-interval = 20ms
        """.formatted(log()), new ManualClock(NOW), List.of())) {
      await().atMost(RunningReceiver.WAIT).until(() -> run.sink.events().size() == 2);
      assertThat(run.sink.bodies()).containsExactly("2026-05-31 23:00:01 gpu-check: all 8 GPUs healthy",
          "no time on this line");
      assertThat(run.sink.events().get(0).timestamp()).isEqualTo(Instant.parse("2026-05-31T23:00:01Z"));
      assertThat(run.sink.events().get(1).timestamp()).isEqualTo(NOW);
    }
  }

  @Test
  void startAtEndSkipsWhatIsThereAndReadsWhatComes() throws Exception {
    append(log(), "kernel: NVRM: Xid (PCI:0000:01:00): 13, old");
    try (RunningReceiver run = start("end")) {
      run.awaitUp();
      append(log(), "kernel: NVRM: Xid (PCI:0000:01:00): 13, new");
      await().atMost(RunningReceiver.WAIT).until(() -> run.sink.events().size() == 1);
      assertThat(run.sink.bodies()).containsExactly("kernel: NVRM: Xid (PCI:0000:01:00): 13, new");
    }
  }

  @Test
  void followsARenameAndCreateRotation() throws Exception {
    append(log(), "NVRM: Xid (PCI:0000:01:00): 13, one");
    try (RunningReceiver run = start("all")) {
      await().atMost(RunningReceiver.WAIT).until(() -> run.sink.events().size() == 1);
      Files.move(log(), work.resolve("kern.log.1"));
      append(work.resolve("kern.log.1"), "NVRM: Xid (PCI:0000:01:00): 13, written to the old file after the rename");
      append(log(), "NVRM: Xid (PCI:0000:01:00): 13, first of the new file");
      await().atMost(RunningReceiver.WAIT).until(() -> run.sink.events().size() == 3);
      assertThat(run.sink.bodies()).containsExactly("NVRM: Xid (PCI:0000:01:00): 13, one",
          "NVRM: Xid (PCI:0000:01:00): 13, written to the old file after the rename",
          "NVRM: Xid (PCI:0000:01:00): 13, first of the new file");
      assertThat(run.telemetry.count("file_rotations")).isEqualTo(1);
    }
  }

  @Test
  void followsACopytruncateRotation() throws Exception {
    append(log(), "NVRM: Xid (PCI:0000:01:00): 13, a long line before logrotate copies and truncates the file");
    try (RunningReceiver run = start("all")) {
      await().atMost(RunningReceiver.WAIT).until(() -> run.sink.events().size() == 1);
      Files.copy(log(), work.resolve("kern.log.1"));
      Files.write(log(), new byte[0], StandardOpenOption.TRUNCATE_EXISTING);
      append(log(), "NVRM: Xid (PCI:0000:01:00): 79, short");
      await().atMost(RunningReceiver.WAIT).until(() -> run.sink.events().size() == 2);
      assertThat(run.sink.bodies().get(1)).isEqualTo("NVRM: Xid (PCI:0000:01:00): 79, short");
      assertThat(run.telemetry.count("file_rotations")).isEqualTo(1);
    }
  }

  @Test
  void resumesAtTheSavedOffsetAndFinishesAFileRotatedWhileDown() throws Exception {
    append(log(), "NVRM: Xid (PCI:0000:01:00): 13, one", "noise");
    List<String> firstIds;
    try (RunningReceiver run = start("all")) {
      await().atMost(RunningReceiver.WAIT).until(() -> run.sink.events().size() == 1);
      firstIds = run.sink.events().stream().map(Event::id).toList();
      await().atMost(RunningReceiver.WAIT).until(() -> Files.exists(work.resolve("state/files.state")));
    }
    append(log(), "NVRM: Xid (PCI:0000:01:00): 13, two (before the rotation)");
    Files.move(log(), work.resolve("kern.log.1"), StandardCopyOption.ATOMIC_MOVE);
    append(log(), "NVRM: Xid (PCI:0000:01:00): 13, three (new file)");

    try (RunningReceiver run = start("all")) {
      await().atMost(RunningReceiver.WAIT).until(() -> run.sink.events().size() == 2);
      assertThat(run.sink.bodies()).containsExactly("NVRM: Xid (PCI:0000:01:00): 13, two (before the rotation)",
          "NVRM: Xid (PCI:0000:01:00): 13, three (new file)");
      assertThat(run.sink.events()).extracting(Event::id).doesNotContainAnyElementsOf(firstIds);
    }
  }

  @Test
  void readingTheSameFileAgainGivesTheSameIds() throws Exception {
    Files.copy(Captures.XID_LINES, log());
    List<String> ids;
    try (RunningReceiver run = start("all")) {
      await().atMost(RunningReceiver.WAIT).until(() -> run.sink.events().size() == Captures.nvidiaLines().size());
      ids = run.sink.events().stream().map(Event::id).toList();
    }
    assertThat(ids).doesNotHaveDuplicates();
    try (RunningReceiver run = RunningReceiver.start(work.resolve("other-state"), """
        source = file
        file { paths = ["%s"], start-at = all }
        """.formatted(log()), new ManualClock(NOW), List.of())) {
      await().atMost(RunningReceiver.WAIT).until(() -> run.sink.events().size() == ids.size());
      assertThat(run.sink.events()).extracting(Event::id).containsExactlyElementsOf(ids);
    }
  }

  @Test
  void noFileYetIsReportedDownUntilOneAppears() throws Exception {
    try (RunningReceiver run = start("end")) {
      ComponentStatus down = run.telemetry.awaitStatus(status -> !status.up(), RunningReceiver.WAIT);
      assertThat(down.reason()).isEqualTo("file: none of the files exists yet: [" + log() + "]");
      append(log(), "NVRM: Xid (PCI:0000:01:00): 13, the file appeared");
      await().atMost(RunningReceiver.WAIT).until(() -> run.sink.events().size() == 1);
    }
  }
}
