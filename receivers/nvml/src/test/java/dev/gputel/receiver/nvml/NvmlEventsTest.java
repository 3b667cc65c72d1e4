package dev.gputel.receiver.nvml;

import static dev.gputel.receiver.nvml.EventReceivers.REGISTERED_BY_DEFAULT;
import static dev.gputel.receiver.nvml.EventReceivers.awaitRegistered;
import static dev.gputel.receiver.nvml.FakeNvml.CURRENT;
import static dev.gputel.receiver.nvml.FakeNvml.LEGACY;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.spi.component.ComponentStatus;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.Severity;
import dev.gputel.testing.TestHost;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** NVML events through the receiver, its own thread and the fake library's event API, as in production. */
class NvmlEventsTest {
  private static final int NO_INSTANCE = -1;

  @TempDir Path directory;
  private final EventReceivers capture = new EventReceivers();
  private NvmlReceiver receiver;

  @BeforeEach
  void eightGpus() {
    CURRENT.reset(8);
    LEGACY.reset(8);
  }

  @AfterEach
  void stop() {
    if (receiver != null) {
      receiver.shutdown();
    }
  }

  @Test
  void anXid79OnGpu2ArrivesWithItsGpuAndCode() {
    receiver = capture.receiver(CURRENT, directory);
    receiver.start(new TestHost());
    awaitRegistered(CURRENT, 2);

    assertThat(CURRENT.pushEvent(2, NvmlEventType.XID_CRITICAL_ERROR, 79, NO_INSTANCE, NO_INSTANCE)).isEqualTo(1);

    Event event = capture.awaitEvent(1);
    assertThat(event.attributes().asMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
        "log.source", "nvml",
        "log.kind", "xid",
        "nvml.event.type", "XidCriticalError",
        "xid.code", 79L,
        "gpu.index", 2L,
        "hw.id", FakeGpus.uuid(2),
        "hw.model", "NVIDIA H100 80GB HBM3",
        "gpu.pci.bus_id", "00000000:3A:00.0",
        "host.boot.id", NvmlEvents.readBootId(Path.of("/proc/sys/kernel/random/boot_id"))));
    assertThat(event.body()).isEqualTo("NVML: Xid 79 on GPU 2 (00000000:3A:00.0)");
    assertThat(event.severity()).isEqualTo(Severity.ERROR);
    assertThat(event.id()).matches("[0-9a-f]{32}");
    assertThat(capture.threads).containsOnly("gputel-receiver-nvml-events");
    assertThat(capture.telemetry.count("events_received", Map.of("type", "XidCriticalError"))).isEqualTo(1);
    assertThat(capture.telemetry.statuses()).containsExactly(ComponentStatus.ok());
  }

  @Test
  void registersTheWatchedTypesEachGpuSupports() {
    CURRENT.setSupportedEvents(5, 0xFFFFL);
    receiver = capture.receiver(CURRENT, directory);
    receiver.start(new TestHost());
    awaitRegistered(CURRENT, 5);
    awaitRegistered(CURRENT, 4);

    assertThat(CURRENT.registeredEvents(4)).as("no PState, no Clock; the fake lacks the two newest")
        .isEqualTo(REGISTERED_BY_DEFAULT);
    assertThat(CURRENT.registeredEvents(5)).as("every watched type").isEqualTo(NvmlEventType.WATCHED)
        .isEqualTo(0xCC0BL);
    assertThat(CURRENT.calls("nvmlDeviceGetSupportedEventTypes")).isEqualTo(8);
  }

  @Test
  void eccAndRetirementEventsAreKindsOfTheirOwn() {
    receiver = capture.receiver(CURRENT, directory);
    receiver.start(new TestHost());
    awaitRegistered(CURRENT, 1);

    CURRENT.pushEvent(0, NvmlEventType.DOUBLE_BIT_ECC_ERROR, 0, NO_INSTANCE, NO_INSTANCE);
    CURRENT.pushEvent(1, NvmlEventType.DRAM_RETIREMENT_EVENT, 0, NO_INSTANCE, NO_INSTANCE);

    Event ecc = capture.awaitEvent(1);
    assertThat(ecc.attributes().asMap()).containsAllEntriesOf(Map.of("log.kind", "ecc-double-bit",
        "nvml.event.type", "DoubleBitEccError", "gpu.index", 0L, "gpu.pci.bus_id", "00000000:18:00.0"))
        .doesNotContainKeys("xid.code", "nvml.event.data");
    assertThat(ecc.body()).isEqualTo("NVML: uncorrected (double-bit) ECC error on GPU 0 (00000000:18:00.0)");
    assertThat(ecc.severity()).isEqualTo(Severity.ERROR);
    Event retired = capture.awaitEvent(2);
    assertThat(retired.attributes().get("log.kind")).isEqualTo("dram-retirement");
    assertThat(retired.severity()).isEqualTo(Severity.INFO);
    assertThat(ecc.id()).isNotEqualTo(retired.id());
  }

  @Test
  void migInstancesAreNamedWhenTheEventIsTheirs() {
    receiver = capture.receiver(CURRENT, directory);
    receiver.start(new TestHost());
    awaitRegistered(CURRENT, 3);

    CURRENT.pushEvent(3, NvmlEventType.XID_CRITICAL_ERROR, 31, 1, 0);
    CURRENT.pushEvent(3, NvmlEventType.XID_CRITICAL_ERROR, 999, 2, NO_INSTANCE);

    assertThat(capture.awaitEvent(1).attributes().asMap()).containsAllEntriesOf(Map.of(
        "xid.code", 31L, "gpu.mig.gpu_instance", 1L, "gpu.mig.compute_instance", 0L));
    Event unknown = capture.awaitEvent(2);
    assertThat(unknown.attributes().asMap()).containsEntry("xid.code", 999L).containsEntry("gpu.mig.gpu_instance", 2L)
        .doesNotContainKey("gpu.mig.compute_instance");
    assertThat(unknown.body()).isEqualTo("NVML: Xid 999 (an Xid NVML cannot name) on GPU 3 (00000000:5D:00.0), GPU instance 2");
  }

  @Test
  void anOldDriverWaitsWithoutMigInstanceIds() {
    receiver = capture.receiver(LEGACY, directory);
    receiver.start(new TestHost());
    awaitRegistered(LEGACY, 0);

    LEGACY.pushEvent(0, NvmlEventType.XID_CRITICAL_ERROR, 13, 1, 0);

    assertThat(capture.awaitEvent(1).attributes().asMap()).containsEntry("xid.code", 13L)
        .doesNotContainKeys("gpu.mig.gpu_instance", "gpu.mig.compute_instance");
    assertThat(LEGACY.calls("nvmlEventSetWait")).isPositive();
  }

  @Test
  void aBurstArrivesWholeAndOnce() {
    receiver = capture.receiver(CURRENT, directory);
    receiver.start(new TestHost());
    awaitRegistered(CURRENT, 7);
    // Queued while the thread may be anywhere in its wait: all arrive, in order, once each.
    for (int i = 0; i < 20; i++) {
      CURRENT.pushEvent(7, NvmlEventType.XID_CRITICAL_ERROR, 13, NO_INSTANCE, NO_INSTANCE);
    }

    capture.awaitEvent(20);
    assertThat(capture.events).hasSize(20).extracting(Event::id).doesNotHaveDuplicates();
    assertThat(capture.telemetry.count("events_received", Map.of("type", "XidCriticalError"))).isEqualTo(20);
  }
}
