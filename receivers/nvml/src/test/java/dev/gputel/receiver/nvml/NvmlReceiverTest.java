package dev.gputel.receiver.nvml;

import static dev.gputel.receiver.nvml.Collections.byGpu;
import static dev.gputel.receiver.nvml.FakeNvml.CURRENT;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.spi.component.ComponentId;
import dev.gputel.spi.component.ComponentKind;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.ComponentStatus;
import dev.gputel.spi.consumer.Consumers;
import dev.gputel.spi.consumer.MetricsConsumer;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.testing.RecordingTelemetry;
import dev.gputel.testing.TestHost;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The receiver on its own thread, with the real clock, against the fake NVML. */
class NvmlReceiverTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @TempDir Path directory;
  private final RecordingTelemetry telemetry = new RecordingTelemetry();
  private final Batches batches = new Batches();
  private final TestHost host = new TestHost();

  @BeforeEach
  void eightGpus() {
    CURRENT.reset(8);
  }

  @Test
  void startsWithoutTheLibraryAndReportsWhy() throws Exception {
    NvmlReceiver receiver = receiver(new NvmlConfig("/no/such/libnvidia-ml.so.1", Duration.ofMillis(20),
        Duration.ofMillis(10), Duration.ofMillis(40)), batches);
    receiver.start(host);
    try {
      ComponentStatus status = telemetry.awaitStatus(s -> !s.up(), WAIT);
      assertThat(status.reason()).startsWith("NVML: cannot load /no/such/libnvidia-ml.so.1");
    } finally {
      receiver.shutdown();
    }
    assertThat(host.fatalErrors()).isEmpty();
    assertThat(batches.queue).isEmpty();
  }

  @Test
  void collectsEveryIntervalOnItsOwnThreadAndShutsNvmlDown() throws Exception {
    NvmlReceiver receiver = receiver(config(Duration.ofMillis(20)), batches);
    receiver.start(host);
    try {
      for (int i = 0; i < 3; i++) {
        assertThat(byGpu(batches.await(b -> true))).hasSize(8);
      }
    } finally {
      receiver.shutdown();
    }
    assertThat(batches.threads).containsOnly("gputel-receiver-nvml");
    assertThat(CURRENT.initCount()).isZero();
    assertThat(telemetry.statuses()).containsExactly(ComponentStatus.ok());
  }

  @Test
  void aLostGpuComesBackWithoutARestartWhileTheOthersKeepReporting() throws Exception {
    NvmlReceiver receiver = receiver(config(Duration.ofMillis(20)), batches);
    receiver.start(host);
    try {
      batches.await(b -> byGpu(b).size() == 8);
      CURRENT.setGpuLost(3, true);
      telemetry.awaitStatus(s -> !s.up(), WAIT);
      batches.clear();
      assertThat(byGpu(batches.await(b -> true)).keySet()).containsExactly(0L, 1L, 2L, 4L, 5L, 6L, 7L);

      CURRENT.setGpuLost(3, false);
      batches.await(b -> byGpu(b).size() == 8);
    } finally {
      receiver.shutdown();
    }
    assertThat(telemetry.statuses().getFirst()).isEqualTo(ComponentStatus.ok());
    assertThat(telemetry.statuses().getLast()).isEqualTo(ComponentStatus.ok());
  }

  @Test
  void aBackoffShorterThanTheIntervalDoesNotWaitForTheNextCollection() throws Exception {
    CURRENT.setInitResult(NvmlReturn.DRIVER_NOT_LOADED);
    NvmlReceiver receiver = receiver(config(Duration.ofHours(1)), batches);
    receiver.start(host);
    try {
      telemetry.awaitStatus(s -> !s.up(), WAIT);
      CURRENT.setInitResult(NvmlReturn.SUCCESS);
      telemetry.awaitStatus(ComponentStatus::up, WAIT);
    } finally {
      receiver.shutdown();
    }
    assertThat(telemetry.count("lifecycle_errors", java.util.Map.of("code", "DRIVER_NOT_LOADED"))).isPositive();
  }

  @Test
  void readsOnlyWhatSomePipelineKeeps() throws Exception {
    Batches onlyUtilization = new Batches() {
      @Override
      public boolean wants(String metricName) {
        return metricName.equals("utilization_gpu");
      }
    };
    NvmlReceiver receiver = receiver(config(Duration.ofMillis(20)), onlyUtilization);
    receiver.start(host);
    try {
      assertThat(onlyUtilization.await(b -> true).points()).extracting(MetricPoint::name)
          .containsOnly("utilization_gpu").hasSize(8);
    } finally {
      receiver.shutdown();
    }
    assertThat(CURRENT.calls("nvmlDeviceGetFieldValues")).isZero();
    assertThat(CURRENT.calls("nvmlDeviceGetMemoryInfo_v2")).isZero();
  }

  private NvmlConfig config(Duration interval) {
    return new NvmlConfig(CURRENT.path(), interval, Duration.ofMillis(10), Duration.ofMillis(40));
  }

  private NvmlReceiver receiver(NvmlConfig config, MetricsConsumer consumer) {
    ComponentSettings settings = new ComponentSettings(new ComponentId(ComponentKind.RECEIVER, "nvml", ""),
        telemetry, Clock.systemUTC(), directory, "test");
    return new NvmlReceiver(config, settings, new Consumers(consumer, Consumers.discarding().events()));
  }

  /** Batches as they arrive, and the threads that delivered them. */
  private static class Batches implements MetricsConsumer {
    final BlockingQueue<MetricBatch> queue = new LinkedBlockingQueue<>();
    final List<String> threads = new java.util.concurrent.CopyOnWriteArrayList<>();

    @Override
    public void consume(MetricBatch batch) {
      threads.add(Thread.currentThread().getName());
      queue.add(batch);
    }

    void clear() {
      queue.clear();
    }

    MetricBatch await(Predicate<MetricBatch> matching) throws Exception {
      long deadline = System.nanoTime() + WAIT.toNanos();
      while (true) {
        MetricBatch batch = queue.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        if (batch == null) {
          throw new TimeoutException("no matching batch within " + WAIT);
        }
        if (matching.test(batch)) {
          return batch;
        }
      }
    }
  }
}
