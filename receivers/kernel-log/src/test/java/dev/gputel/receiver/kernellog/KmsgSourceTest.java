package dev.gputel.receiver.kernellog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gputel.spi.component.ComponentStatus;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.Severity;
import dev.gputel.testing.ManualClock;
import dev.gputel.xid.KernelEventId;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The kmsg source through a stand-in file in /dev/kmsg's record format (kernel
 * Documentation/ABI/testing/dev-kmsg): {@code pri,seq,µs,flag;text}, dictionary lines starting
 * with a space, non-printable bytes as \xNN. The records are SYNTHETIC, built around real driver
 * lines from the capture.
 */
class KmsgSourceTest {
  private static final String BOOT = "fad8232d-f454-4a46-841e-80dc2a7e7b7f";
  private static final String BOOT_ID = "fad8232df4544a46841e80dc2a7e7b7f";
  private static final Instant NOW = Instant.parse("2026-06-01T10:00:00Z");

  @TempDir Path work;

  private Path kmsg() {
    return work.resolve("kmsg");
  }

  private String config() {
    return """
        source = kmsg
        kmsg { path = "%s", boot-id-path = "%s", uptime-path = "%s" }
        poll-interval = 20ms
        """.formatted(kmsg(), work.resolve("boot_id"), work.resolve("uptime"));
  }

  private RunningReceiver start(String bootId) throws Exception {
    Files.writeString(work.resolve("boot_id"), bootId + "\n");
    Files.writeString(work.resolve("uptime"), "1000.50 3900.12\n");
    if (!Files.exists(kmsg())) {
      Files.createFile(kmsg());
    }
    return RunningReceiver.start(work.resolve("state"), config(), new ManualClock(NOW), List.of());
  }

  private void append(String records) throws Exception {
    Files.writeString(kmsg(), records, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }

  @Test
  void turnsNvidiaRecordsIntoEventsWithKernelTimeAndDictionary() throws Exception {
    append("""
        6,100,5000000,-;usb 1-1: new high-speed USB device number 2 using xhci_hcd
         SUBSYSTEM=usb
         DEVICE=c189:1
        4,101,6781741548779,-;NVRM: Xid (PCI:0000:91:00): 79, pid='<unknown>', name=<unknown>, GPU has fallen off the bus.
         SUBSYSTEM=pci
         DEVICE=+pci:0000:91:00.0
        3,102,6781753400584,-;nvidia-nvswitch1: SXid (PCI:0000:06:00.0): 20034, Fatal, Link 48 LTSSM Fault Up
        4,103,6781753400590,-;NVRM: GPU at PCI:0000:91:00: name=\\xff\\x5cend
        """);

    try (RunningReceiver run = start(BOOT)) {
      await().atMost(RunningReceiver.WAIT).until(() -> run.sink.events().size() == 3);
      List<Event> events = run.sink.events();

      assertThat(events).extracting(Event::body).containsExactly(
          "NVRM: Xid (PCI:0000:91:00): 79, pid='<unknown>', name=<unknown>, GPU has fallen off the bus.",
          "nvidia-nvswitch1: SXid (PCI:0000:06:00.0): 20034, Fatal, Link 48 LTSSM Fault Up",
          "NVRM: GPU at PCI:0000:91:00: name=\\xff\\end");
      Event xid = events.getFirst();
      assertThat(xid.attributes().asMap()).containsEntry("log.source", "kmsg").containsEntry("host.boot.id", BOOT_ID)
          .containsEntry("kernel.uptime_us", 6781741548779L).containsEntry("kmsg.seq", 101L)
          .containsEntry("kmsg.subsystem", "pci").containsEntry("kmsg.device", "+pci:0000:91:00.0")
          .containsEntry("log.kind", "xid").containsEntry("xid.code", 79L).containsEntry("gpu.pci.bus_id", "00000000:91:00.0");
      assertThat(events.get(1).attributes().asMap()).containsEntry("log.kind", "sxid").containsEntry("sxid.code", 20034L)
          .containsEntry("gpu.pci.bus_id", "00000000:06:00.0");
      assertThat(events.get(2).attributes().asMap()).containsEntry("log.kind", "gpu-log").doesNotContainKey("xid.code");
      // Boot time = now - uptime (1000.5 s), plus the record's microseconds since boot.
      assertThat(xid.timestamp()).isEqualTo(NOW.minusMillis(1_000_500).plusNanos(6781741548779L * 1000));
      assertThat(xid.severity()).isEqualTo(Severity.WARN);
      assertThat(events.get(1).severity()).isEqualTo(Severity.ERROR);
      assertThat(xid.id()).isEqualTo(KernelEventId.of(BOOT_ID, 6781741548779L, xid.body()));
      assertThat(run.telemetry.count("lines_read")).isEqualTo(4);
      assertThat(run.telemetry.count("lines_kept")).isEqualTo(3);
      assertThat(run.awaitUp().up()).isTrue();
    }
  }

  @Test
  void followsAppendedRecordsAndResumesAfterTheSavedSequence() throws Exception {
    append(record(1, "NVRM: Xid (PCI:0000:01:00): 13, first"));
    try (RunningReceiver run = start(BOOT)) {
      await().atMost(RunningReceiver.WAIT).until(() -> run.sink.events().size() == 1);
      append(record(2, "NVRM: Xid (PCI:0000:01:00): 13, second") + record(3, "noise"));
      await().atMost(RunningReceiver.WAIT).until(() -> run.sink.events().size() == 2);
      await().atMost(RunningReceiver.WAIT).until(() -> Files.readString(work.resolve("state/kmsg.state")).contains("seq=3"));
    }
    // Records 4 and 5 were overwritten in the ring buffer while the agent was down.
    append(record(6, "NVRM: Xid (PCI:0000:01:00): 13, sixth"));
    try (RunningReceiver run = start(BOOT)) {
      await().atMost(RunningReceiver.WAIT).until(() -> run.sink.events().size() == 1);
      assertThat(run.sink.bodies()).containsExactly("NVRM: Xid (PCI:0000:01:00): 13, sixth");
      assertThat(run.telemetry.count("kmsg_missed_records")).isEqualTo(2);
    }
  }

  @Test
  void aNewBootReadsTheBufferFromItsStart() throws Exception {
    append(record(1, "NVRM: Xid (PCI:0000:01:00): 13, a") + record(2, "NVRM: Xid (PCI:0000:01:00): 13, b"));
    try (RunningReceiver run = start(BOOT)) {
      await().atMost(RunningReceiver.WAIT).until(() -> run.sink.events().size() == 2);
    }
    Files.writeString(kmsg(), record(1, "NVRM: Xid (PCI:0000:01:00): 79, after reboot"));
    try (RunningReceiver run = start("00000000-1111-2222-3333-444444444444")) {
      await().atMost(RunningReceiver.WAIT).until(() -> run.sink.events().size() == 1);
      assertThat(run.sink.events().getFirst().attributes().getString("host.boot.id")).isEqualTo("00000000111122223333444444444444");
      assertThat(run.telemetry.count("kmsg_missed_records")).isZero();
    }
  }

  @Test
  void aMalformedRecordIsCountedAndSkipped() throws Exception {
    append("this is not a kmsg record\n6,x,1,-;NVRM: bad sequence\n" + record(7, "NVRM: Xid (PCI:0000:01:00): 31, fine"));
    try (RunningReceiver run = start(BOOT)) {
      await().atMost(RunningReceiver.WAIT).until(() -> run.sink.events().size() == 1);
      assertThat(run.telemetry.count("bad_lines")).isEqualTo(2);
      assertThat(run.sink.bodies()).containsExactly("NVRM: Xid (PCI:0000:01:00): 31, fine");
    }
  }

  @Test
  void aLineGetsTheSameIdFromKmsgAsFromTheJournal() throws Exception {
    String message = "NVRM: Xid (PCI:0000:3b:00): 48, pid='<unknown>', name=<unknown>, An uncorrectable double bit error";
    append("4,9,2500000,-;" + message + "\n");
    ExportEntry entry = new ExportEntry(BOOT_ID, 2_500_000, 1_000_000, 4, "h", message.getBytes(StandardCharsets.UTF_8));
    JournalWriter.writeAll(work.resolve("journal/x.journal"), List.of(entry));

    String fromKmsg;
    try (RunningReceiver run = start(BOOT)) {
      await().atMost(RunningReceiver.WAIT).until(() -> run.sink.events().size() == 1);
      fromKmsg = run.sink.events().getFirst().id();
    }
    try (RunningReceiver run = RunningReceiver.start(work.resolve("state-journal"), """
        source = journald
        journald { directory = "%s", start-at = all }
        """.formatted(work.resolve("journal")))) {
      await().atMost(RunningReceiver.WAIT).until(() -> run.sink.events().size() == 1);
      assertThat(run.sink.events().getFirst().id()).isEqualTo(fromKmsg);
    }
  }

  @Test
  void aMissingDeviceIsReportedDown() throws Exception {
    Files.writeString(work.resolve("boot_id"), BOOT);
    Files.writeString(work.resolve("uptime"), "1.0 1.0");
    try (RunningReceiver run = RunningReceiver.start(work.resolve("state"), config(), new ManualClock(NOW), List.of())) {
      ComponentStatus down = run.telemetry.awaitStatus(status -> !status.up(), RunningReceiver.WAIT);
      assertThat(down.reason()).startsWith("kmsg: cannot open " + kmsg()).contains("NoSuchFileException");
      Files.writeString(kmsg(), record(1, "NVRM: Xid (PCI:0000:01:00): 31, now it exists"));
      await().atMost(RunningReceiver.WAIT).until(() -> run.sink.events().size() == 1);
    }
  }

  /**
   * The real device, where the build machine lets us read it: the ring buffer's records arrive
   * and a reader blocked on the device stops at shutdown. Where it cannot be read (a container
   * without the capability), the receiver must say so in its status and keep the agent running.
   */
  @Test
  void theRealDeviceIsReadOrReportedDown() throws Exception {
    Path device = Path.of("/dev/kmsg");
    String body = "source = kmsg\n";
    try (RunningReceiver run = RunningReceiver.start(work.resolve("state"), body)) {
      if (Files.isReadable(device) && readable(device)) {
        await().atMost(RunningReceiver.WAIT).until(() -> run.telemetry.count("lines_read") > 0);
        assertThat(run.telemetry.count("bad_lines")).isZero();
        run.close();
        assertThat(run.receiver.reading()).as("the reader blocked on /dev/kmsg stopped").isFalse();
      } else {
        assertThat(run.telemetry.awaitStatus(status -> !status.up(), RunningReceiver.WAIT).reason())
            .startsWith("kmsg: cannot open /dev/kmsg");
      }
    }
  }

  private static boolean readable(Path device) {
    try (var channel = java.nio.channels.FileChannel.open(device)) {
      return true;
    } catch (Exception e) {
      return false;
    }
  }

  private static String record(long sequence, String text) {
    return "4," + sequence + "," + (sequence * 1_000_000) + ",-;" + text + "\n";
  }
}
