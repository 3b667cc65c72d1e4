package dev.gputel.receiver.nvidiasmi;

import static dev.gputel.receiver.nvidiasmi.ReceiverHarness.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gputel.spi.data.MetricBatch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The slower remapped-rows query. No real {@code --query-remapped-rows} output was found (see
 * PROVENANCE.md), so the fake answers it from the real {@code remapped_rows.*} columns of the
 * --query-gpu captures.
 */
class RemappedRowsTest {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static final Set<String> REMAPPED = Set.of("remapped_rows_correctable", "remapped_rows_uncorrectable",
      "remapped_rows_pending", "remapped_rows_failure");

  @TempDir Path directory;
  private ReceiverHarness harness;

  @AfterEach
  void shutdown() {
    if (harness != null) {
      harness.close();
    }
  }

  @Test
  void countsAndFlagsArriveInTheirOwnBatchWithTheGpusAttributes() throws Exception {
    FakeNvidiaSmi fake = FakeNvidiaSmi.installedIn(directory).capture(Captures.L40S_LOAD);
    harness = new ReceiverHarness(fake.binary, directory, "remapped-rows-interval = 100ms").start();

    await().atMost(WAIT).until(() -> harness.batchesOf(REMAPPED).size() >= 2);

    MetricBatch remapped = harness.batchesOf(REMAPPED).getFirst();
    assertThat(value(remapped.points(), "remapped_rows_uncorrectable")).isZero();
    assertThat(value(remapped.points(), "remapped_rows_pending")).isZero(); // "No"
    assertThat(remapped.points().getFirst().attributes().asMap())
        .containsEntry("gpu.pci.bus_id", "00000000:01:00.0")
        .containsEntry("gpu.index", 0L)
        .containsEntry("hw.model", "NVIDIA L40S");
    assertThat(fake.runs()).contains("--query-remapped-rows=gpu_bus_id,remapped_rows.correctable,"
        + "remapped_rows.uncorrectable,remapped_rows.pending,remapped_rows.failure --format=csv,nounits");
    assertThat(harness.sink.metricBatches()).filteredOn(b -> !harness.batchesOf(REMAPPED).contains(b))
        .allSatisfy(b -> assertThat(b.points()).noneMatch(p -> REMAPPED.contains(p.name())));
  }

  @Test
  void aMigGpuReportsNoRemappedRows() throws Exception {
    FakeNvidiaSmi fake = FakeNvidiaSmi.installedIn(directory).capture(Captures.H200_MIG_IDLE);
    harness = new ReceiverHarness(fake.binary, directory, "remapped-rows-interval = 100ms").start();

    await().atMost(WAIT).until(() -> fake.runs().stream().filter(r -> r.startsWith("--query-remapped-rows")).count() >= 2);

    assertThat(harness.sink.points()).noneMatch(p -> REMAPPED.contains(p.name()));
    assertThat(harness.telemetry.count("remapped_rows_failures", java.util.Map.of("reason", "no_output"))).isZero();
  }

  @Test
  void onlyTheWantedCountsAreAskedFor() throws Exception {
    FakeNvidiaSmi fake = FakeNvidiaSmi.installedIn(directory).capture(Captures.L40S_LOAD);
    harness = new ReceiverHarness(fake.binary, directory, "remapped-rows-interval = 100ms",
        Set.of("utilization_gpu", "remapped_rows_failure")::contains).start();

    await().atMost(WAIT).until(() -> harness.batchesOf(Set.of("remapped_rows_failure")).size() >= 1);

    assertThat(fake.runs()).contains("--query-remapped-rows=gpu_bus_id,remapped_rows.failure --format=csv,nounits");
    List<String> gpuQueries = fake.runs().stream().filter(r -> r.startsWith("--query-gpu")).toList();
    assertThat(gpuQueries).allSatisfy(run -> assertThat(run).doesNotContain("remapped_rows"));
  }
}
