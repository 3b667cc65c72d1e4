package dev.gputel.receiver.nvidiasmi;

import static dev.gputel.receiver.nvidiasmi.ReceiverHarness.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gputel.spi.component.ComponentStatus;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The receiver in loop mode against the fake nvidia-smi replaying real captures. */
class LoopModeTest {
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
  void oneLongLivedProcessSendsOneBatchPerSampleNamedByCatalogIdInNvidiaSmiUnits() throws Exception {
    FakeNvidiaSmi fake = FakeNvidiaSmi.installedIn(directory);
    harness = new ReceiverHarness(fake.binary, directory, "remapped-rows-interval = 0s").start();

    List<MetricBatch> batches = harness.sink.awaitMetricBatches(3, WAIT);

    MetricBatch batch = batches.getFirst();
    assertThat(value(batch.points(), "utilization_gpu")).isEqualTo(100.0);
    assertThat(value(batch.points(), "power_draw")).isEqualTo(631.95);
    assertThat(value(batch.points(), "memory_used")).isEqualTo(19818.0);
    assertThat(batch.points()).filteredOn(p -> p.name().equals("memory_used")).extracting(MetricPoint::unit)
        .containsExactly("MiBy");
    assertThat(batch.points()).extracting(MetricPoint::name).doesNotContain("fan_speed"); // [N/A] on an H100
    assertThat(batch.points().getFirst().attributes().asMap())
        .containsEntry("gpu.index", 0L)
        .containsEntry("hw.id", "GPU-00000000-0000-0000-0000-000000000000")
        .containsEntry("hw.model", "NVIDIA H100 80GB HBM3")
        .containsEntry("gpu.pci.bus_id", "00000000:00:09.0")
        .containsEntry("hw.serial_number", "0000000000000")
        .containsEntry("hw.firmware_version", "96.00.A5.00.01")
        .containsEntry("gpu.driver.version", "590.48.01")
        .containsEntry("gpu.mig.mode", "Disabled");
    assertThat(fake.runs()).hasSize(1);
    assertThat(fake.runs().getFirst()).startsWith("--query-gpu=index,count,uuid,name,pci.bus_id,serial,")
        .endsWith(" --format=csv,nounits -lms 50").doesNotContain("remapped_rows");
    assertThat(harness.telemetry.statuses()).contains(ComponentStatus.ok());
    assertThat(harness.telemetry.count("samples")).isGreaterThanOrEqualTo(3);
  }

  @Test
  void asksOnlyForTheMetricsAPipelineKeeps() throws Exception {
    FakeNvidiaSmi fake = FakeNvidiaSmi.installedIn(directory);
    harness = new ReceiverHarness(fake.binary, directory, "", Set.of("utilization_gpu", "memory_used")::contains)
        .start();

    List<MetricBatch> batches = harness.sink.awaitMetricBatches(1, WAIT);

    assertThat(batches.getFirst().points()).extracting(MetricPoint::name)
        .containsExactlyInAnyOrder("utilization_gpu", "memory_used");
    assertThat(fake.runs().getFirst()).contains("--query-gpu=index,count,uuid,name,pci.bus_id,serial,vbios_version,"
        + "driver_version,mig.mode.current,utilization.gpu,memory.used ");
    // No pipeline keeps a remapped_rows_* metric: that query never runs.
    assertThat(fake.runs()).noneMatch(run -> run.contains("--query-remapped-rows"));
  }

  @Test
  void fieldsTheDriverDoesNotKnowAreDroppedAndTheQueryAskedAgainAtOnce() throws Exception {
    FakeNvidiaSmi fake = FakeNvidiaSmi.installedIn(directory).unknownFields("temperature.memory power.draw.instant");
    harness = new ReceiverHarness(fake.binary, directory, "remapped-rows-interval = 0s").start();

    List<MetricBatch> batches = harness.sink.awaitMetricBatches(1, WAIT);

    // nvidia-smi names one unknown field per run: two runs fail, the third works.
    assertThat(fake.runs()).hasSize(3);
    assertThat(fake.runs().get(2)).doesNotContain("temperature.memory").doesNotContain("power.draw.instant")
        .contains("power.draw.average");
    assertThat(harness.telemetry.count("fields_dropped")).isEqualTo(2);
    assertThat(batches.getFirst().points()).extracting(MetricPoint::name)
        .contains("power_draw_average").doesNotContain("temperature_memory", "power_draw_instant");
    assertThat(harness.failures("invalid_argument")).isZero();
  }

  @Test
  void strayLinesInTheStreamAreSkippedAndCounted() throws Exception {
    FakeNvidiaSmi fake = FakeNvidiaSmi.installedIn(directory).behaviour("noise");
    harness = new ReceiverHarness(fake.binary, directory, "remapped-rows-interval = 0s").start();

    List<MetricBatch> batches = harness.sink.awaitMetricBatches(3, WAIT);

    // Between iterations the fake prints a blank line and an Xid line, as nvidia-smi may on Linux.
    assertThat(harness.telemetry.count("lines_skipped")).isGreaterThanOrEqualTo(4);
    assertThat(batches).allSatisfy(batch -> assertThat(value(batch.points(), "utilization_gpu")).isEqualTo(100.0));
    assertThat(fake.runs()).hasSize(1);
  }

  @Test
  void anotherConsumerCardAndAMigGpuReportWhatTheyHave() throws Exception {
    FakeNvidiaSmi fake = FakeNvidiaSmi.installedIn(directory).capture(Captures.RTX_4080_SUPER_IDLE);
    harness = new ReceiverHarness(fake.binary, directory, "remapped-rows-interval = 0s").start();

    List<MetricPoint> rtx = harness.sink.awaitMetricBatches(1, WAIT).getFirst().points();
    assertThat(value(rtx, "fan_speed")).isZero();
    assertThat(value(rtx, "memory_total")).isEqualTo(16376.0);
    assertThat(value(rtx, "clocks_event_reasons_active")).isEqualTo(1.0);
    assertThat(rtx).extracting(MetricPoint::name).doesNotContain("temperature_memory"); // printed N/A
    assertThat(rtx.getFirst().attributes().asMap()).doesNotContainKey("hw.serial_number"); // [N/A]
    harness.close();

    fake.capture(Captures.H200_MIG_IDLE);
    harness = new ReceiverHarness(fake.binary, directory, "remapped-rows-interval = 0s").start();
    List<MetricPoint> mig = harness.sink.awaitMetricBatches(1, WAIT).getFirst().points();
    assertThat(mig).extracting(MetricPoint::name).doesNotContain("utilization_gpu").contains("memory_used");
    assertThat(mig.getFirst().attributes().asMap()).containsEntry("gpu.mig.mode", "Enabled");
  }

  @Test
  void refusedBatchesAreCountedAndTheLoopGoesOn() throws Exception {
    FakeNvidiaSmi fake = FakeNvidiaSmi.installedIn(directory);
    harness = new ReceiverHarness(fake.binary, directory, "remapped-rows-interval = 0s");
    harness.refuse = true;
    harness.start();

    await().atMost(WAIT).until(() -> harness.telemetry.count("batches_refused") >= 2);
    harness.refuse = false;

    harness.sink.awaitMetricBatches(1, WAIT);
    assertThat(fake.runs()).hasSize(1);
    assertThat(harness.telemetry.count("samples_failed")).isZero();
  }

  @Test
  void shutdownEndsTheChild() throws Exception {
    FakeNvidiaSmi fake = FakeNvidiaSmi.installedIn(directory);
    harness = new ReceiverHarness(fake.binary, directory, "").start();
    harness.sink.awaitMetricBatches(1, WAIT);
    long pid = fake.runPids().getFirst();

    harness.close();
    harness = null;

    await().atMost(WAIT).until(() -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false) == false);
  }
}
