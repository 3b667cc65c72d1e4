package dev.gputel.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.runtime.Agent;
import dev.gputel.runtime.AgentContext;
import dev.gputel.runtime.testcomponents.RecordingExporterFactory.Recording;
import dev.gputel.runtime.testcomponents.TestComponents;
import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.spi.data.Resource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One failing exporter must cost only its own data: the other exporter and the receiver go on. */
class PipelineIsolationTest {
  private static final int BATCHES = 200;
  private static final int POINTS = 3;

  @TempDir Path data;

  @Test
  void aFailingExporterDoesNotStopItsNeighbourAndCountsItsDrops() throws Exception {
    TestComponents components = new TestComponents();
    AgentContext context = AgentContext.create(Throwable::printStackTrace);
    Agent agent = components.start("""
        gputel {
          service { data-directory = "%s", admin.enabled = false, shutdown-timeout = 2s }
          receivers { test-source { } }
          processors { tag { } }
          exporters {
            recording/failing { behaviour = retryable, queue.size = 5, retry.initial-interval = 1h }
            recording/healthy { queue.size = %d }
          }
          pipelines {
            metrics { receivers = [test-source], processors = [tag],
                      exporters = [recording/failing, recording/healthy] }
          }
        }
        """.formatted(data, BATCHES), context);
    try {
      components.sources.next("test-source").metrics().consume(batch(0));
      // Once the failing exporter's worker holds the first batch (waiting an hour to retry it),
      // exactly five more fit in its queue.
      Awaitility.await().until(() -> components.exporters.exporter("recording/failing").attempts() == 1);
      for (int i = 1; i < BATCHES; i++) {
        components.sources.next("test-source").metrics().consume(batch(i));
      }

      Recording healthy = components.exporters.exporter("recording/healthy");
      assertThat(healthy.awaitReceived(BATCHES, 10_000)).as("healthy exporter got every batch").isTrue();
      assertThat(healthy.received()).extracting(b -> ((MetricBatch) b).resource().attributes().get("test.tag"))
          .containsOnly("tagged");
      assertThat(components.exporters.exporter("recording/failing").attempts()).isEqualTo(1);

      var telemetry = context.telemetry();
      double accepted = telemetry.value("gputel_exporter_accepted_items_total",
          Map.of("exporter", "recording/failing", "signal", "metrics"));
      double queueFull = telemetry.value("gputel_exporter_dropped_items_total",
          Map.of("exporter", "recording/failing", "signal", "metrics", "reason", "queue_full"));
      // One batch is stuck in its first retry wait, five fill the queue, the rest are dropped.
      assertThat(accepted).isEqualTo(6 * POINTS);
      assertThat(queueFull).isEqualTo((BATCHES - 6) * POINTS);
      // The exporter has the batch a moment before the runtime counts it as sent.
      Awaitility.await().untilAsserted(() -> assertThat(telemetry.value("gputel_exporter_sent_items_total",
          Map.of("exporter", "recording/healthy", "signal", "metrics"))).isEqualTo(BATCHES * POINTS));
      assertThat(telemetry.value("gputel_receiver_accepted_items_total",
          Map.of("receiver", "test-source", "signal", "metrics"))).isEqualTo(BATCHES * POINTS);
      assertThat(telemetry.value("gputel_exporter_queue_size", Map.of("exporter", "recording/failing")))
          .isEqualTo(5);
    } finally {
      agent.shutdown();
    }
    // At the deadline the stuck batch and the queued ones are dropped, and counted as such.
    assertThat(context.telemetry().value("gputel_exporter_dropped_items_total",
        Map.of("exporter", "recording/failing", "signal", "metrics", "reason", "shutdown")))
        .isEqualTo(6 * POINTS);
  }

  static MetricBatch batch(int sequence) {
    Attributes gpu = Attributes.of("gpu.index", 0L);
    Instant now = Instant.parse("2026-01-01T00:00:00Z").plusSeconds(sequence);
    return new MetricBatch(Resource.empty(), List.of(
        MetricPoint.gauge("utilization_gpu", sequence, "%", now, gpu),
        MetricPoint.gauge("memory_used", 1024, "MiBy", now, gpu),
        MetricPoint.gauge("temperature_gpu", 40, "Cel", now, gpu)));
  }
}
