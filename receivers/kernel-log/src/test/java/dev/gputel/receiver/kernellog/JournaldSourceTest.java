package dev.gputel.receiver.kernellog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.Severity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journald source against real journal files written by systemd-journal-remote and read by
 * the real journalctl.
 */
class JournaldSourceTest {
  private static final String BOOT_A = KernelHistory.bootId('a');
  private static final String BOOT_B = KernelHistory.bootId('b');

  @TempDir Path work;

  private Path journal() {
    return work.resolve("journal");
  }

  private Path state() {
    return work.resolve("state");
  }

  private String config(String startAt, boolean grep) {
    return """
        source = journald
        journald { directory = "%s", start-at = %s, grep = %s }
        """.formatted(journal(), startAt, grep);
  }

  @Test
  void turnsEveryNvidiaLineIntoOneEventWithItsKernelIdentity() throws Exception {
    List<ExportEntry> history = new KernelHistory(BOOT_A, 5_000_000).captureWithNoise();
    JournalWriter.writeAll(journal().resolve("x.journal"), history);
    List<ExportEntry> nvidia = history.stream().filter(e -> Captures.nvidia(KernelHistory.text(e))).toList();

    try (RunningReceiver run = RunningReceiver.start(state(), config("all", true))) {
      await().atMost(RunningReceiver.WAIT).until(() -> run.sink.events().size() >= nvidia.size());
      List<Event> events = run.sink.events();

      assertThat(events).extracting(Event::body).containsExactlyElementsOf(nvidia.stream().map(KernelHistory::text).toList());
      assertThat(events).extracting(Event::id).containsExactlyElementsOf(nvidia.stream().map(KernelHistory::expectedId).toList());
      Event first = events.getFirst();
      ExportEntry firstEntry = nvidia.getFirst();
      assertThat(first.attributes().asMap()).containsEntry("log.source", "journald").containsEntry("host.name", "gpu-node-1")
          .containsEntry("host.boot.id", BOOT_A).containsEntry("kernel.uptime_us", firstEntry.monotonicMicros())
          .containsEntry("log.kind", "xid").containsEntry("xid.code", 79L).containsEntry("gpu.pci.bus_id", "00000000:01:00.0");
      assertThat(first.timestamp()).isEqualTo(Instant.EPOCH.plusNanos(firstEntry.realtimeMicros() * 1000));
      assertThat(first.severity()).isEqualTo(Severity.WARN);
      // journalctl --grep did the filtering: only the matches were printed and read.
      assertThat(run.telemetry.count("lines_read")).isEqualTo(nvidia.size());
      assertThat(run.telemetry.count("lines_kept")).isEqualTo(nvidia.size());
      assertThat(run.telemetry.count("events_emitted")).isEqualTo(nvidia.size());
      assertThat(run.telemetry.count("bad_lines")).isZero();
    }
  }

  @Test
  void withoutGrepTheAgentFiltersTheSameLines() throws Exception {
    List<ExportEntry> history = new KernelHistory(BOOT_A, 5_000_000).captureWithNoise();
    JournalWriter.writeAll(journal().resolve("x.journal"), history);

    try (RunningReceiver run = RunningReceiver.start(state(), config("all", false))) {
      await().atMost(RunningReceiver.WAIT).until(() -> run.telemetry.count("lines_read") == history.size());
      int nvidia = Captures.nvidiaLines().size();
      await().atMost(RunningReceiver.WAIT).until(() -> run.sink.events().size() == nvidia);
      assertThat(run.telemetry.count("lines_kept")).isEqualTo(nvidia);
      assertThat(run.sink.bodies()).allMatch(Captures::nvidia);
    }
  }

  @Test
  void followsLinesAppendedWhileItRuns() throws Exception {
    KernelHistory boot = new KernelHistory(BOOT_A, 1_000);
    try (JournalWriter writer = new JournalWriter(journal().resolve("x.journal"))) {
      writer.append(boot.entry("NVRM: loading NVIDIA UNIX x86_64 Kernel Module  535.309.01"));
      try (RunningReceiver run = RunningReceiver.start(state(), config("all", true))) {
        await().atMost(RunningReceiver.WAIT).until(() -> run.sink.events().size() == 1);
        List<String> appended = new ArrayList<>();
        for (String line : Captures.xidLines().subList(3, 13)) {
          writer.append(List.of(boot.entry(line), boot.entry(Captures.background().getFirst())));
          appended.add(line);
        }
        await().atMost(RunningReceiver.WAIT).until(() -> run.sink.events().size() == 11);
        assertThat(run.sink.bodies().subList(1, 11)).containsExactlyElementsOf(appended);
      }
    }
  }

  @Test
  void resumesAfterTheSavedCursorWithoutRepeatingAccepted() throws Exception {
    KernelHistory boot = new KernelHistory(BOOT_A, 1_000);
    List<ExportEntry> first = xids(boot, 10);
    JournalWriter.writeAll(journal().resolve("x.journal"), first);
    try (RunningReceiver run = RunningReceiver.start(state(), config("all", true))) {
      await().atMost(RunningReceiver.WAIT).until(() -> run.sink.events().size() == 10);
      await().atMost(RunningReceiver.WAIT).until(() -> Files.exists(state().resolve("journald.state")));
    }
    assertThat(Files.readString(state().resolve("journald.state"))).contains("cursor=s=").contains("boot-id=" + BOOT_A);

    List<ExportEntry> second = xids(boot, 5);
    JournalWriter.writeAll(journal().resolve("x.journal"), second);
    try (RunningReceiver run = RunningReceiver.start(state(), config("all", true))) {
      await().atMost(RunningReceiver.WAIT).until(() -> run.sink.events().size() >= 5);
      assertThat(run.sink.events()).extracting(Event::id)
          .containsExactlyElementsOf(second.stream().map(KernelHistory::expectedId).toList());
    }
  }

  @Test
  void resumingAfterAReebootReadsTheRestOfTheOldBootFirst() throws Exception {
    KernelHistory bootA = new KernelHistory(BOOT_A, 1_000);
    JournalWriter.writeAll(journal().resolve("x.journal"), xids(bootA, 3));
    try (RunningReceiver run = RunningReceiver.start(state(), config("boot", true))) {
      await().atMost(RunningReceiver.WAIT).until(() -> run.sink.events().size() == 3);
    }
    // The agent stops; the old boot logs its last Xid (the one that brought it down); the machine
    // reboots and logs more.
    List<ExportEntry> lastOfA = xids(bootA, 1);
    List<ExportEntry> bootB = xids(new KernelHistory(BOOT_B, 1_000), 2);
    List<ExportEntry> both = new ArrayList<>(lastOfA);
    both.addAll(bootB);
    JournalWriter.writeAll(journal().resolve("x.journal"), both);

    try (RunningReceiver run = RunningReceiver.start(state(), config("boot", true))) {
      await().atMost(RunningReceiver.WAIT).until(() -> run.sink.events().size() >= 3);
      assertThat(run.sink.events()).extracting(Event::id)
          .containsExactlyElementsOf(both.stream().map(KernelHistory::expectedId).toList());
      assertThat(run.sink.events().getLast().attributes().getString("host.boot.id")).isEqualTo(BOOT_B);
    }
  }

  @Test
  void startAtChoosesTheFirstLineWithoutACursor() throws Exception {
    List<ExportEntry> bootA = xids(new KernelHistory(BOOT_A, 1_000), 2);
    KernelHistory b = new KernelHistory(BOOT_B, 1_000);
    List<ExportEntry> bootB = xids(b, 3);
    List<ExportEntry> all = new ArrayList<>(bootA);
    all.addAll(bootB);
    JournalWriter.writeAll(journal().resolve("x.journal"), all);

    try (RunningReceiver run = RunningReceiver.start(work.resolve("state-all"), config("all", true))) {
      await().atMost(RunningReceiver.WAIT).until(() -> run.sink.events().size() >= 5);
      assertThat(run.sink.events()).extracting(Event::id).containsExactlyElementsOf(ids(all));
    }
    // With --directory, the current boot is the newest boot in the files.
    try (RunningReceiver run = RunningReceiver.start(work.resolve("state-boot"), config("boot", true))) {
      await().atMost(RunningReceiver.WAIT).until(() -> run.sink.events().size() >= 3);
      assertThat(run.sink.events()).extracting(Event::id).containsExactlyElementsOf(ids(bootB));
    }
    try (JournalWriter writer = new JournalWriter(journal().resolve("x.journal"));
        RunningReceiver run = RunningReceiver.start(work.resolve("state-end"), config("end", true))) {
      run.awaitUp();
      // journalctl takes its end position when it starts; append until a new line comes through.
      AtomicInteger appended = new AtomicInteger();
      List<ExportEntry> fresh = new ArrayList<>();
      await().atMost(RunningReceiver.WAIT).until(() -> {
        ExportEntry entry = b.entry("NVRM: Xid (PCI:0000:3b:00): 13, fresh line " + appended.incrementAndGet());
        fresh.add(entry);
        writer.append(entry);
        return !run.sink.events().isEmpty();
      });
      assertThat(ids(fresh)).containsAll(run.sink.events().stream().map(Event::id).toList());
    }
  }

  @Test
  void aCursorJournalctlRejectsFallsBackToStartAt() throws Exception {
    List<ExportEntry> entries = xids(new KernelHistory(BOOT_A, 1_000), 4);
    JournalWriter.writeAll(journal().resolve("x.journal"), entries);
    Files.createDirectories(state());
    Files.writeString(state().resolve("journald.state"), "cursor=not-a-cursor\nboot-id=" + BOOT_A + "\n");

    try (RunningReceiver run = RunningReceiver.start(state(), config("all", true))) {
      await().atMost(RunningReceiver.WAIT).until(() -> run.sink.events().size() >= 4);
      assertThat(run.sink.events()).extracting(Event::id).containsExactlyElementsOf(ids(entries));
      assertThat(run.telemetry.count("position_resets")).isEqualTo(1);
    }
  }

  @Test
  void aRefusedBatchIsOfferedAgainAndTheCursorWaitsForIt() throws Exception {
    List<ExportEntry> entries = xids(new KernelHistory(BOOT_A, 1_000), 6);
    JournalWriter.writeAll(journal().resolve("x.journal"), entries);
    GateSink sink = new GateSink();
    sink.refuse(true);

    try (RunningReceiver run = RunningReceiver.start(state(), config("all", true), sink)) {
      await().atMost(RunningReceiver.WAIT).until(() -> sink.refusals() >= 3);
      assertThat(state().resolve("journald.state")).as("no cursor saved while refused").doesNotExist();
      assertThat(sink.events()).isEmpty();

      sink.refuse(false);

      await().atMost(RunningReceiver.WAIT).until(() -> sink.events().size() >= 6);
      assertThat(sink.events()).extracting(Event::id).containsExactlyElementsOf(ids(entries));
      await().atMost(RunningReceiver.WAIT).until(() -> Files.exists(state().resolve("journald.state")));
      assertThat(run.telemetry.count("events_refused")).isGreaterThanOrEqualTo(3 * 6);
      assertThat(run.telemetry.count("events_emitted")).isEqualTo(6);
    }
  }

  @Test
  void aMissingJournalIsReportedDownAndPickedUpOnceItExists() throws Exception {
    try (RunningReceiver run = RunningReceiver.start(state(), config("all", true))) {
      String reason = run.telemetry.awaitStatus(status -> !status.up(), RunningReceiver.WAIT).reason();
      assertThat(reason).startsWith("journald: journalctl exited with code 1").contains("Failed to open");
      await().atMost(RunningReceiver.WAIT).until(() -> run.telemetry.count("source_restarts") >= 2);

      List<ExportEntry> entries = xids(new KernelHistory(BOOT_A, 1_000), 2);
      JournalWriter.writeAll(journal().resolve("x.journal"), entries);

      await().atMost(RunningReceiver.WAIT).until(() -> run.sink.events().size() >= 2);
      assertThat(run.telemetry.statuses().getLast().up()).isTrue();
    }
  }

  @Test
  void messagesThatAreNotTextKeepEveryByte() throws Exception {
    byte[] invalid = "NVRM: Xid (PCI:0000:3b:00): 13, name=\u00ff".getBytes(StandardCharsets.ISO_8859_1);
    byte[] multiLine = "NVRM: The NVIDIA GPU 0000:b3:00.0\nNVRM: (PCI ID: 10de:26b5) installed".getBytes(StandardCharsets.UTF_8);
    List<ExportEntry> entries = List.of(new ExportEntry(BOOT_A, 10, 1_000_000, 3, "h", invalid),
        new ExportEntry(BOOT_A, 20, 2_000_000, 3, "h", multiLine));
    JournalWriter.writeAll(journal().resolve("x.journal"), entries);

    try (RunningReceiver run = RunningReceiver.start(state(), config("all", true))) {
      await().atMost(RunningReceiver.WAIT).until(() -> run.sink.events().size() >= 2);
      assertThat(run.sink.bodies()).containsExactly("NVRM: Xid (PCI:0000:3b:00): 13, name=\\xff",
          "NVRM: The NVIDIA GPU 0000:b3:00.0\nNVRM: (PCI ID: 10de:26b5) installed");
      assertThat(run.sink.events()).extracting(Event::id).containsExactlyElementsOf(ids(entries));
      assertThat(run.sink.events().getFirst().severity()).isEqualTo(Severity.ERROR);
    }
  }

  @Test
  void shutdownStopsJournalctl() throws Exception {
    JournalWriter.writeAll(journal().resolve("x.journal"), xids(new KernelHistory(BOOT_A, 1_000), 1));
    RunningReceiver run = RunningReceiver.start(state(), config("all", true));
    await().atMost(RunningReceiver.WAIT).until(() -> run.sink.events().size() == 1);
    assertThat(journalctls()).hasSize(1);

    run.close();

    assertThat(journalctls()).isEmpty();
  }

  private List<ProcessHandle> journalctls() {
    return ProcessHandle.current().descendants()
        .filter(p -> p.info().commandLine().orElse("").contains(journal().toString()))
        .filter(ProcessHandle::isAlive).toList();
  }

  private static List<ExportEntry> xids(KernelHistory boot, int count) {
    List<ExportEntry> entries = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      entries.add(boot.entry("NVRM: Xid (PCI:0000:3b:00): 31, pid=" + (1000 + i) + ", name=python3, Ch 00000008"));
    }
    return entries;
  }

  private static List<String> ids(List<ExportEntry> entries) {
    return entries.stream().map(KernelHistory::expectedId).toList();
  }
}
