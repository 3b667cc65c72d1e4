package dev.gputel.receiver.nvidiasmi;

import static dev.gputel.receiver.nvidiasmi.ReceiverHarness.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gputel.spi.component.ComponentStatus;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OneShotModeTest {
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
  void runsOneNvidiaSmiPerPoll() throws Exception {
    FakeNvidiaSmi fake = FakeNvidiaSmi.installedIn(directory).capture(Captures.L40S_LOAD);
    harness = new ReceiverHarness(fake.binary, directory, "mode = one-shot\nremapped-rows-interval = 0s").start();

    var batches = harness.sink.awaitMetricBatches(3, WAIT);

    assertThat(value(batches.getFirst().points(), "encoder_stats_session_count")).isEqualTo(2.0);
    assertThat(fake.runPids()).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(3);
    assertThat(fake.runs()).allSatisfy(run -> assertThat(run).endsWith("--format=csv,nounits").doesNotContain("-lms"));
  }

  @Test
  void aRunThatHangsIsKilledAtItsTimeout() throws Exception {
    FakeNvidiaSmi fake = FakeNvidiaSmi.installedIn(directory).behaviour("hang");
    harness = new ReceiverHarness(fake.binary, directory, "mode = one-shot\ntimeout = 300ms\n").start();
    await().atMost(WAIT).until(() -> fake.hangPids().size() == 2);
    long child = fake.hangPids().get(1);

    ComponentStatus down = harness.telemetry.awaitStatus(s -> !s.up(), WAIT);

    assertThat(down.reason()).startsWith("nvidia-smi --query-gpu delivered no sample within 300ms; killed it");
    await().atMost(WAIT).until(() -> ProcessHandle.of(child).map(ProcessHandle::isAlive).orElse(false) == false);
    assertThat(harness.failures("timeout")).isGreaterThanOrEqualTo(1);
  }
}
