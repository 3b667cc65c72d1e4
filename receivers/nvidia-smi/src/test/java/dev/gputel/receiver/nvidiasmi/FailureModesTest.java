package dev.gputel.receiver.nvidiasmi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gputel.spi.component.ComponentStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the loop survives nvidia-smi going wrong: each case ends with samples flowing again. */
class FailureModesTest {
  private static final Duration WAIT = Duration.ofSeconds(20);

  @TempDir Path directory;
  private ReceiverHarness harness;

  @AfterEach
  void shutdown() {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void aMissingBinaryIsRetriedAndPickedUpOnceInstalled() throws Exception {
    FakeNvidiaSmi fake = FakeNvidiaSmi.notYetInstalledIn(directory);
    harness = new ReceiverHarness(fake.binary, directory, "").start();

    ComponentStatus down = harness.telemetry.awaitStatus(s -> !s.up(), WAIT);
    assertThat(down.reason()).isEqualTo("nvidia-smi not found: looked for " + fake.binary);
    await().atMost(WAIT).until(() -> harness.failures("binary_not_found") >= 2);
    assertThat(harness.sink.metricBatches()).isEmpty();

    fake.install();

    harness.sink.awaitMetricBatches(1, WAIT);
    harness.telemetry.awaitStatus(ComponentStatus::up, WAIT);
  }

  @Test
  void driverNotLoadedIsReportedWithNvidiaSmisMessageAndRetriedUntilItLoads() throws Exception {
    FakeNvidiaSmi fake = FakeNvidiaSmi.installedIn(directory).behaviour("driver-not-loaded");
    harness = new ReceiverHarness(fake.binary, directory, "").start();

    ComponentStatus down = harness.telemetry.awaitStatus(s -> !s.up(), WAIT);
    assertThat(down.reason()).isEqualTo("nvidia-smi --query-gpu failed with exit code 9 (the NVIDIA driver is not "
        + "loaded): NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver. Make sure that the "
        + "latest NVIDIA driver is installed and running.");
    await().atMost(WAIT).until(() -> harness.failures("driver_not_loaded") >= 3);

    fake.behaviour("normal");

    harness.sink.awaitMetricBatches(1, WAIT);
    harness.telemetry.awaitStatus(ComponentStatus::up, WAIT);
  }

  @Test
  void aLostGpuIsReportedAsSuch() throws Exception {
    FakeNvidiaSmi fake = FakeNvidiaSmi.installedIn(directory).behaviour("gpu-lost");
    harness = new ReceiverHarness(fake.binary, directory, "").start();

    ComponentStatus down = harness.telemetry.awaitStatus(s -> !s.up(), WAIT);

    assertThat(down.reason()).isEqualTo("nvidia-smi --query-gpu failed with exit code 15 (a GPU fell off the bus "
        + "or is otherwise inaccessible): Unable to determine the device handle for GPU 0000:02:00.0: GPU is lost. "
        + "Reboot the system to recover this GPU");
    await().atMost(WAIT).until(() -> harness.failures("gpu_lost") >= 2);
  }

  @Test
  void theWatchdogKillsAHungChildWithItsChildrenAndStartsAnother() throws Exception {
    FakeNvidiaSmi fake = FakeNvidiaSmi.installedIn(directory).behaviour("hang");
    harness = new ReceiverHarness(fake.binary, directory, "").start();
    await().atMost(WAIT).until(() -> fake.hangPids().size() == 2);
    List<Long> hung = fake.hangPids();

    ComponentStatus down = harness.telemetry.awaitStatus(s -> !s.up(), WAIT);

    assertThat(down.reason()).isEqualTo("nvidia-smi --query-gpu delivered no sample within 1s; "
        + "killed it and 1 process(es) it started");
    await().atMost(WAIT).untilAsserted(() -> assertThat(hung)
        .allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive)).isNotEqualTo(
            java.util.Optional.of(true))));
    await().atMost(WAIT).until(() -> fake.runs().size() >= 2);

    fake.behaviour("normal");

    harness.sink.awaitMetricBatches(1, WAIT);
    assertThat(harness.failures("timeout")).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aChildThatDiesMidStreamIsRestarted() throws Exception {
    FakeNvidiaSmi fake = FakeNvidiaSmi.installedIn(directory).behaviour("die-after:2");
    harness = new ReceiverHarness(fake.binary, directory, "").start();

    harness.sink.awaitMetricBatches(5, WAIT);

    assertThat(fake.runs().size()).isGreaterThanOrEqualTo(3);
    assertThat(harness.failures("killed")).isGreaterThanOrEqualTo(2);
    assertThat(harness.telemetry.statuses()).anySatisfy(status -> assertThat(status.reason())
        .isEqualTo("nvidia-smi --query-gpu failed with exit code 137 (killed by signal 9)"));
  }
}
