package dev.gputel.runtime.exporter;

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

/** What the runtime does with each kind of export failure, as seen in the self-telemetry. */
class ExportRetryTest {
  private static final Map<String, String> METRICS = Map.of("exporter", "recording", "signal", "metrics");

  @TempDir Path data;
  private final TestComponents components = new TestComponents();
  private final AgentContext context = AgentContext.create(e -> { });

  @Test
  void aTransientFailureIsRetriedUntilItSucceeds() throws Exception {
    Agent agent = start("behaviour = fail-then-ok, failures = 3, retry.initial-interval = 5ms");
    try {
      send();
      Recording exporter = components.exporters.exporter("recording");
      assertThat(exporter.awaitReceived(1, 10_000)).isTrue();
      // The exporter has the batch a moment before the runtime counts it as sent.
      Awaitility.await().until(() -> value("gputel_exporter_sent_items_total", METRICS) == 1);
      assertThat(exporter.attempts()).isEqualTo(4);
      assertThat(value("gputel_exporter_retries_total", Map.of("exporter", "recording"))).isEqualTo(3);
      assertThat(value("gputel_exporter_failed_items_total", METRICS)).isEqualTo(3);
      assertThat(value("gputel_exporter_sent_items_total", METRICS)).isEqualTo(1);
      assertThat(value("gputel_exporter_last_success_timestamp_seconds", Map.of("exporter", "recording")))
          .isPositive();
    } finally {
      agent.shutdown();
    }
  }

  @Test
  void aPermanentFailureIsDroppedAtOnceAndCounted() throws Exception {
    Agent agent = start("behaviour = permanent, retry.initial-interval = 5ms");
    try {
      send();
      Awaitility.await().until(() -> value("gputel_exporter_dropped_items_total", reason("permanent_error")) == 1);
      assertThat(components.exporters.exporter("recording").attempts()).isEqualTo(1);
      assertThat(value("gputel_exporter_retries_total", Map.of("exporter", "recording"))).isZero();
    } finally {
      agent.shutdown();
    }
  }

  @Test
  void retryingStopsAfterMaxElapsedAndTheBatchIsDroppedAndCounted() throws Exception {
    Agent agent = start("behaviour = retryable, retry { initial-interval = 5ms, max-interval = 5ms, max-elapsed = 50ms }");
    try {
      send();
      Awaitility.await().until(() -> value("gputel_exporter_dropped_items_total", reason("retries_exhausted")) == 1);
      assertThat(components.exporters.exporter("recording").attempts()).isBetween(2, 12);
      assertThat(value("gputel_exporter_sent_items_total", METRICS)).isZero();
    } finally {
      agent.shutdown();
    }
  }

  @Test
  void withRetryDisabledTheFirstFailureDrops() throws Exception {
    Agent agent = start("behaviour = retryable, retry.enabled = false");
    try {
      send();
      Awaitility.await().until(() -> value("gputel_exporter_dropped_items_total", reason("retries_exhausted")) == 1);
      assertThat(components.exporters.exporter("recording").attempts()).isEqualTo(1);
    } finally {
      agent.shutdown();
    }
  }

  private Agent start(String exporter) throws Exception {
    return components.start("""
        gputel {
          service { data-directory = "%s", admin.enabled = false, shutdown-timeout = 1s }
          receivers { test-source { } }
          exporters { recording { %s } }
          pipelines { metrics { receivers = [test-source], exporters = [recording] } }
        }
        """.formatted(data, exporter), context);
  }

  private void send() {
    components.sources.next("test-source").metrics().consume(new MetricBatch(Resource.empty(),
        List.of(MetricPoint.gauge("utilization_gpu", 1, "%", Instant.EPOCH, Attributes.empty()))));
  }

  private static Map<String, String> reason(String reason) {
    return Map.of("exporter", "recording", "signal", "metrics", "reason", reason);
  }

  private double value(String name, Map<String, String> labels) {
    return context.telemetry().value(name, labels);
  }
}
