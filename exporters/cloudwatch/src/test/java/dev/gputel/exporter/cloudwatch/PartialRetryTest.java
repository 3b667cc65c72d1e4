package dev.gputel.exporter.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gputel.exporter.cloudwatch.FakeCloudWatch.Fault;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.exporter.RetryableExportException;
import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.Test;

/** A batch retried after some of its calls went through sends only the rest. */
class PartialRetryTest {

  @Test
  void anEqualBatchFromTheSpoolResumesWhereTheLastAttemptStopped() throws Exception {
    try (Harness h = new Harness("max-datums-per-request = 10")) {
      h.fake.faults(n -> n == 1 ? Fault.THROTTLE : Fault.NONE);
      MetricBatch batch = h.sample(8); // 32 data points: 4 calls

      assertThatThrownBy(() -> h.exporter.exportMetrics(batch)).isInstanceOf(RetryableExportException.class)
          .hasMessageContaining("Throttling");
      assertThat(h.fake.received()).hasSize(10);
      // The spool hands back an equal batch, not the same object.
      h.exporter.exportMetrics(new MetricBatch(batch.resource(), new ArrayList<>(batch.points())));

      assertThat(h.fake.received()).hasSize(32);
      assertThat(h.fake.received().stream().map(FakeCloudWatch.Received::key).distinct()).hasSize(32);
    }
  }

  @Test
  void anotherBatchForgetsTheUnfinishedOne() throws Exception {
    try (Harness h = new Harness("max-datums-per-request = 10")) {
      h.fake.faults(n -> n == 1 ? Fault.SERVER_ERROR : Fault.NONE);
      assertThatThrownBy(() -> h.exporter.exportMetrics(h.sample(8))).isInstanceOf(RetryableExportException.class);
      h.clock.advance(Duration.ofSeconds(10));

      // The runtime gave up on the first batch (retries exhausted); the next one is sent whole, alone.
      h.exporter.exportMetrics(h.sample(8));

      assertThat(h.fake.received()).hasSize(10 + 32);
    }
  }
}
