package dev.gputel.receiver.nvml;

import static dev.gputel.receiver.nvml.Collections.byGpu;
import static dev.gputel.receiver.nvml.Collections.collector;
import static dev.gputel.receiver.nvml.FakeNvml.CURRENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.spi.component.ComponentStatus;
import dev.gputel.testing.ManualClock;
import dev.gputel.testing.RecordingTelemetry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NvmlLifecycleTest {
  private static final String LOST_3 = "NVML: GPU 3 (" + FakeGpus.uuid(3) + ", 00000000:5D:00.0): GPU is lost (GPU_IS_LOST)"
      + "; 7 of 8 GPUs reporting";
  private static final String STILL_LOST_3 = "NVML: GPU 3: nvmlDeviceGetHandleByIndex_v2: GPU is lost (GPU_IS_LOST)"
      + "; 7 of 8 GPUs reporting";

  private final ManualClock clock = ManualClock.atFixedStart();
  private final RecordingTelemetry telemetry = new RecordingTelemetry();

  @BeforeEach
  void eightGpus() {
    CURRENT.reset(8);
  }

  @Test
  void aLostGpuIsDroppedWhileTheOthersKeepReportingUntilReinitialisationFindsItBack() {
    try (NvmlCollector collector = collector(CURRENT.path(), id -> true, clock, telemetry)) {
      collector.initialiseIfDue();
      assertThat(byGpu(collector.collect())).hasSize(8);

      CURRENT.setGpuLost(3, true);
      assertThat(byGpu(collector.collect()).keySet()).containsExactly(0L, 1L, 2L, 4L, 5L, 6L, 7L);
      assertThat(telemetry.statuses().getLast()).isEqualTo(ComponentStatus.down(LOST_3));
      assertThat(telemetry.count("lifecycle_errors", Map.of("code", "GPU_IS_LOST"))).isEqualTo(1);

      // Not asked again meanwhile: the other seven still are.
      long before = CURRENT.calls("nvmlDeviceGetUtilizationRates");
      assertThat(byGpu(collector.collect())).hasSize(7);
      assertThat(CURRENT.calls("nvmlDeviceGetUtilizationRates") - before).isEqualTo(7);

      // The first reinitialisation, 1 s later, still finds it lost: the next is 2 s after that.
      assertThat(collector.untilInitialisation()).isEqualTo(Duration.ofSeconds(1));
      clock.advance(Duration.ofSeconds(1));
      collector.initialiseIfDue();
      assertThat(telemetry.statuses().getLast()).isEqualTo(ComponentStatus.down(STILL_LOST_3));
      assertThat(byGpu(collector.collect())).hasSize(7);
      assertThat(collector.untilInitialisation()).isEqualTo(Duration.ofSeconds(2));

      CURRENT.setGpuLost(3, false);
      clock.advance(Duration.ofMillis(1999));
      collector.initialiseIfDue();
      assertThat(byGpu(collector.collect())).as("not due yet").hasSize(7);
      clock.advance(Duration.ofMillis(1));
      collector.initialiseIfDue();
      assertThat(byGpu(collector.collect())).hasSize(8);
      assertThat(collector.untilInitialisation()).isNull();
    }
    assertThat(telemetry.statuses())
        .containsExactly(ComponentStatus.ok(), ComponentStatus.down(LOST_3), ComponentStatus.down(STILL_LOST_3),
            ComponentStatus.ok());
    assertThat(telemetry.count("lifecycle_errors", Map.of("code", "GPU_IS_LOST"))).isEqualTo(2);
    assertThat(telemetry.count("init_attempts")).isEqualTo(3);
    assertThat(CURRENT.initCount()).as("every initialisation was shut down").isZero();
  }

  @Test
  void aDriverThatIsNotLoadedIsRetriedWithExponentialBackoffUntilItIs() {
    CURRENT.setInitResult(NvmlReturn.DRIVER_NOT_LOADED);
    String reason = "NVML: nvmlInit_v2 failed: Driver Not Loaded (DRIVER_NOT_LOADED)";
    try (NvmlCollector collector = collector(CURRENT.path(), id -> true, clock, telemetry)) {
      collector.initialiseIfDue();
      assertThat(collector.collect()).isNull();
      assertThat(telemetry.statuses()).containsExactly(ComponentStatus.down(reason));

      // Attempts at 0, 1, 3, 7 and 15 s: each wait twice the one before.
      for (int wait : new int[] {1, 2, 4, 8}) {
        assertThat(collector.untilInitialisation()).isEqualTo(Duration.ofSeconds(wait));
        clock.advance(Duration.ofSeconds(wait).minusMillis(1));
        collector.initialiseIfDue();
        long attempts = CURRENT.calls("nvmlInit_v2");
        clock.advance(Duration.ofMillis(1));
        if (wait == 8) {
          CURRENT.setInitResult(NvmlReturn.SUCCESS);
        }
        collector.initialiseIfDue();
        assertThat(CURRENT.calls("nvmlInit_v2")).as("attempt after %d s", wait).isEqualTo(attempts + 1);
      }
      assertThat(byGpu(collector.collect())).hasSize(8);
    }
    assertThat(telemetry.statuses()).containsExactly(ComponentStatus.down(reason), ComponentStatus.ok());
    assertThat(telemetry.count("lifecycle_errors", Map.of("code", "DRIVER_NOT_LOADED"))).isEqualTo(4);
    assertThat(telemetry.count("init_attempts")).isEqualTo(5);
  }

  @Test
  void aMissingLibraryIsALifecycleErrorNotAFailure() {
    String library = "/no/such/dir/libnvidia-ml.so.1";
    try (NvmlCollector collector = collector(library, id -> true, clock, telemetry)) {
      collector.initialiseIfDue();
      assertThat(collector.collect()).isNull();
      assertThat(collector.untilInitialisation()).isEqualTo(Duration.ofSeconds(1));
    }
    assertThat(telemetry.statuses()).singleElement().satisfies(status -> {
      assertThat(status.up()).isFalse();
      assertThat(status.reason()).startsWith("NVML: cannot load " + library + " (");
    });
    assertThat(telemetry.count("lifecycle_errors", Map.of("code", "LIBRARY_NOT_FOUND"))).isEqualTo(1);
  }

  @Test
  void aLibraryThatIsNotNvmlSaysSo() {
    try (NvmlCollector collector = collector("libc.so.6", id -> true, clock, telemetry)) {
      collector.initialiseIfDue();
    }
    assertThat(telemetry.statuses()).containsExactly(
        ComponentStatus.down("NVML: libc.so.6 is not NVML: it has no nvmlInit_v2 or nvmlInit"));
  }

  @Test
  void nvmlGoingAwayMidCollectionStopsEveryGpuUntilItIsInitialisedAgain() {
    try (NvmlCollector collector = collector(CURRENT.path(), id -> true, clock, telemetry)) {
      collector.initialiseIfDue();
      CURRENT.setResult("nvmlDeviceGetPowerUsage", 2, NvmlReturn.DRIVER_NOT_LOADED);
      assertThat(byGpu(collector.collect()).keySet()).as("what came before GPU 2").containsExactly(0L, 1L);
      assertThat(CURRENT.initCount()).as("NVML shut down").isZero();
      assertThat(collector.collect()).isNull();

      CURRENT.setResult("nvmlDeviceGetPowerUsage", 2, NvmlReturn.SUCCESS);
      clock.advance(Duration.ofSeconds(1));
      collector.initialiseIfDue();
      assertThat(byGpu(collector.collect())).hasSize(8);
    }
    assertThat(telemetry.statuses()).containsExactly(ComponentStatus.ok(),
        ComponentStatus.down("NVML: Driver Not Loaded (DRIVER_NOT_LOADED) while reading GPU 2"), ComponentStatus.ok());
  }

  @Test
  void noGpusAtAllIsReportedAndRetried() {
    CURRENT.reset(0);
    try (NvmlCollector collector = collector(CURRENT.path(), id -> true, clock, telemetry)) {
      collector.initialiseIfDue();
      assertThat(collector.collect()).isNull();
      assertThat(collector.untilInitialisation()).isEqualTo(Duration.ofSeconds(1));
    }
    assertThat(telemetry.statuses()).containsExactly(ComponentStatus.down("NVML: no GPUs found"));
  }
}
