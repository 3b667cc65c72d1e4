package dev.gputel.processor.xidclassifier;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import dev.gputel.spi.component.ComponentId;
import dev.gputel.spi.component.ComponentKind;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.Resource;
import dev.gputel.testing.ManualClock;
import dev.gputel.testing.RecordingTelemetry;
import dev.gputel.xid.GpuIdentitySource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime may call a processor from several receiver threads at once. */
class ConcurrentBatchesTest {
  @TempDir Path state;

  @Test
  void batchesFromManyThreadsAreEachClassifiedAndCountedOnce() throws Exception {
    RecordingTelemetry telemetry = new RecordingTelemetry();
    XidClassifierProcessor processor = new XidClassifierProcessor(
        XidClassifierConfig.from(ConfigFactory.parseResources("reference.conf").getConfig("gputel.processors.xid-classifier")),
        new ComponentSettings(new ComponentId(ComponentKind.PROCESSOR, "xid-classifier", ""), telemetry,
            ManualClock.atFixedStart(), state, "test"),
        GpuIdentitySource.none());
    EventBatch batch = new EventBatch(Resource.empty(), Captures.events());
    int threads = 4;
    int rounds = 50;
    CountDownLatch go = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> done = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        done.add(pool.submit(() -> {
          go.await();
          int events = 0;
          for (int r = 0; r < rounds; r++) {
            events += processor.processEvents(batch).size();
          }
          return events;
        }));
      }
      go.countDown();
      for (Future<Integer> future : done) {
        assertThat(future.get()).isEqualTo(rounds * batch.size());
      }
    } finally {
      pool.shutdownNow();
    }
    // Line 18's Xid 109 appears once per batch.
    assertThat(telemetry.count("xid_events", Map.of("gpu_pci_bus_id", "00000000:CB:00.0", "xid", "109", "severity", "ERROR")))
        .isEqualTo((long) threads * rounds);
  }
}
