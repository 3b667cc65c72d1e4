package dev.gputel.receiver.nvml;

import static dev.gputel.receiver.nvml.EventReceivers.WAIT;
import static dev.gputel.receiver.nvml.EventReceivers.awaitRegistered;
import static dev.gputel.receiver.nvml.FakeNvml.CURRENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gputel.spi.component.ComponentStatus;
import dev.gputel.spi.consumer.Consumers;
import dev.gputel.testing.TelemetrySink;
import dev.gputel.testing.TestHost;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the event thread does when NVML fails under it, and how it stops. */
class NvmlEventRecoveryTest {
  private static final int NO_INSTANCE = -1;
  private static final String THREAD = "gputel-receiver-nvml-events";

  @TempDir Path directory;
  private final EventReceivers capture = new EventReceivers();

  @BeforeEach
  void eightGpus() {
    CURRENT.reset(8);
  }

  @Test
  void aFailedWaitRebuildsTheSetWithoutReinitialisingAndLaterEventsStillArrive() {
    NvmlReceiver receiver = start();
    try {
      awaitRegistered(CURRENT, 1);
      CURRENT.failWaits(NvmlReturn.UNKNOWN, 1);

      await().atMost(WAIT).until(() -> CURRENT.calls("nvmlEventSetCreate") == 2 && CURRENT.registeredEvents(1) != 0);
      CURRENT.pushEvent(1, NvmlEventType.XID_CRITICAL_ERROR, 13, NO_INSTANCE, NO_INSTANCE);

      assertThat(capture.awaitEvent(1).attributes().get("xid.code")).isEqualTo(13L);
      assertThat(CURRENT.calls("nvmlEventSetFree")).as("the old set freed").isEqualTo(1);
      assertThat(CURRENT.calls("nvmlInit_v2")).as("NVML kept").isEqualTo(1);
      assertThat(CURRENT.eventSets()).isEqualTo(1);
    } finally {
      receiver.shutdown();
    }
    assertThat(capture.telemetry.count("event_set_rebuilds")).isEqualTo(1);
    assertThat(capture.telemetry.count("event_errors", Map.of("call", "wait", "code", "UNKNOWN"))).isEqualTo(1);
    assertThat(capture.telemetry.statuses()).as("a failed wait that a rebuild mends is no outage")
        .containsExactly(ComponentStatus.ok());
  }

  @Test
  void aGpuThatCannotRegisterLeavesTheOthersWatched() {
    CURRENT.setResult("nvmlDeviceRegisterEvents", 1, NvmlReturn.NOT_SUPPORTED);
    NvmlReceiver receiver = start();
    try {
      awaitRegistered(CURRENT, 7);
      assertThat(CURRENT.registeredEvents(1)).isZero();
      assertThat(CURRENT.pushEvent(1, NvmlEventType.XID_CRITICAL_ERROR, 79, NO_INSTANCE, NO_INSTANCE))
          .as("nobody registered for GPU 1").isZero();

      CURRENT.pushEvent(0, NvmlEventType.XID_CRITICAL_ERROR, 48, NO_INSTANCE, NO_INSTANCE);
      CURRENT.pushEvent(7, NvmlEventType.XID_CRITICAL_ERROR, 48, NO_INSTANCE, NO_INSTANCE);

      capture.awaitEvent(2);
      assertThat(capture.events).extracting(e -> e.attributes().get("gpu.index")).containsExactly(0L, 7L);
      assertThat(capture.telemetry.gaugeValue("event_gpus")).isEqualTo(7);
    } finally {
      receiver.shutdown();
    }
    assertThat(capture.telemetry.statuses()).containsExactly(ComponentStatus.ok());
  }

  @Test
  void aLostGpuIsWatchedAgainOnceItIsBackWhileTheOthersKeepReporting() throws Exception {
    CURRENT.setGpuLost(3, true);
    NvmlReceiver receiver = start();
    try {
      ComponentStatus down = capture.telemetry.awaitStatus(s -> !s.up(), WAIT);
      assertThat(down.reason()).isEqualTo(
          "NVML events: GPU 3: nvmlDeviceGetHandleByIndex_v2: GPU is lost (GPU_IS_LOST); 7 of 8 GPUs watched");
      awaitRegistered(CURRENT, 0);
      CURRENT.pushEvent(0, NvmlEventType.XID_CRITICAL_ERROR, 94, NO_INSTANCE, NO_INSTANCE);
      capture.awaitEvent(1);

      CURRENT.setGpuLost(3, false);
      capture.telemetry.awaitStatus(ComponentStatus::up, WAIT);
      awaitRegistered(CURRENT, 3);
      CURRENT.pushEvent(3, NvmlEventType.XID_CRITICAL_ERROR, 79, NO_INSTANCE, NO_INSTANCE);
      await().atMost(WAIT).until(() -> capture.events.stream().anyMatch(e -> FakeGpus.uuid(3).equals(e.attributes().get("hw.id"))));
    } finally {
      receiver.shutdown();
    }
    assertThat(CURRENT.calls("nvmlInit_v2")).as("initialised again for GPU 3").isGreaterThan(1);
    assertThat(capture.events).filteredOn(e -> e.attributes().get("gpu.index").equals(0L))
        .as("GPU 0 watched throughout: no event lost to the new initialisations").isNotEmpty();
  }

  @Test
  void initialisingAgainForAMissingGpuLosesNoEventOfTheOthers() throws Exception {
    CURRENT.setGpuLost(3, true);
    NvmlReceiver receiver = start();
    try {
      awaitRegistered(CURRENT, 0);
      // Every 40 ms (the test's longest backoff) the receiver opens NVML again for GPU 3. Events raised
      // across 20 of those must each find a set registered for GPU 0, and all arrive.
      for (int round = 0; round < 20; round++) {
        long inits = CURRENT.calls("nvmlInit_v2");
        for (int i = 0; i < 10; i++) {
          assertThat(CURRENT.pushEvent(0, NvmlEventType.XID_CRITICAL_ERROR, 13, NO_INSTANCE, NO_INSTANCE))
              .as("round %d, event %d found a set registered for GPU 0", round, i).isPositive();
        }
        await().atMost(WAIT).until(() -> CURRENT.calls("nvmlInit_v2") > inits);
      }
      await().atMost(WAIT).until(() -> capture.events.size() >= 200);
    } finally {
      receiver.shutdown();
    }
  }

  @Test
  void aLifecycleErrorAtRegistrationInitialisesNvmlAgain() throws Exception {
    CURRENT.setResult("nvmlDeviceRegisterEvents", -1, NvmlReturn.DRIVER_NOT_LOADED);
    NvmlReceiver receiver = start();
    try {
      ComponentStatus down = capture.telemetry.awaitStatus(s -> !s.up(), WAIT);
      assertThat(down.reason()).isEqualTo(
          "NVML events: nvmlDeviceRegisterEvents failed: Driver Not Loaded (DRIVER_NOT_LOADED)");
      await().atMost(WAIT).until(() -> CURRENT.calls("nvmlInit_v2") >= 3);
      assertThat(CURRENT.eventSets()).as("a failed registration frees its set").isZero();

      CURRENT.setResult("nvmlDeviceRegisterEvents", -1, NvmlReturn.SUCCESS);
      capture.telemetry.awaitStatus(ComponentStatus::up, WAIT);
      awaitRegistered(CURRENT, 4);
      assertThat(CURRENT.initCount()).as("each failed attempt shut NVML down").isEqualTo(1);
    } finally {
      receiver.shutdown();
    }
    assertThat(capture.telemetry.count("event_errors", Map.of("call", "open", "code", "DRIVER_NOT_LOADED")))
        .isGreaterThanOrEqualTo(2);
  }

  @Test
  void aWaitThatSaysNvmlIsGoneInitialisesItAgain() {
    NvmlReceiver receiver = start();
    try {
      awaitRegistered(CURRENT, 0);
      CURRENT.failWaits(NvmlReturn.UNINITIALIZED, 1);

      await().atMost(WAIT).until(() -> CURRENT.calls("nvmlInit_v2") == 2 && CURRENT.registeredEvents(0) != 0);
      CURRENT.pushEvent(0, NvmlEventType.SINGLE_BIT_ECC_ERROR, 0, NO_INSTANCE, NO_INSTANCE);
      assertThat(capture.awaitEvent(1).attributes().get("log.kind")).isEqualTo("ecc-single-bit");
    } finally {
      receiver.shutdown();
    }
    assertThat(capture.telemetry.statuses().getFirst()).isEqualTo(ComponentStatus.ok());
    assertThat(capture.telemetry.statuses().getLast()).isEqualTo(ComponentStatus.ok());
  }

  @Test
  void shutdownStopsTheThreadPromptlyAndReleasesNvml() {
    NvmlReceiver receiver = start();
    awaitRegistered(CURRENT, 0);
    await().atMost(WAIT).until(() -> threadAlive());

    long started = System.nanoTime();
    receiver.shutdown();
    Duration took = Duration.ofNanos(System.nanoTime() - started);

    assertThat(took).as("at most one wait of %d ms", EventWatcher.WAIT_MS).isLessThan(Duration.ofSeconds(3));
    assertThat(threadAlive()).isFalse();
    assertThat(CURRENT.eventSets()).isZero();
    assertThat(CURRENT.initCount()).isZero();
  }

  @Test
  void nothingIsWatchedWhenNoEventsPipelineTakesFromTheReceiverOrEventsAreOff() throws Exception {
    TelemetrySink sink = new TelemetrySink();
    NvmlReceiver unwanted = new NvmlReceiver(EventReceivers.config(CURRENT, Duration.ofMillis(20), true),
        capture.settings(directory), new Consumers(sink::consume, Consumers.discarding().events()));
    NvmlReceiver off = new NvmlReceiver(EventReceivers.config(CURRENT, Duration.ofMillis(20), false),
        capture.settings(directory), sink.consumers());

    for (NvmlReceiver receiver : new NvmlReceiver[] {unwanted, off}) {
      int before = sink.metricBatches().size();
      receiver.start(new TestHost());
      try {
        sink.awaitMetricBatches(before + 1, WAIT);
        assertThat(threadAlive()).as("an event thread").isFalse();
      } finally {
        receiver.shutdown();
      }
    }
    assertThat(CURRENT.calls("nvmlEventSetCreate")).isZero();
  }

  private NvmlReceiver start() {
    NvmlReceiver receiver = capture.receiver(CURRENT, directory);
    receiver.start(new TestHost());
    return receiver;
  }

  private static boolean threadAlive() {
    return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(THREAD) && t.isAlive());
  }
}
