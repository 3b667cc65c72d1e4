package dev.gputel.exporter.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.typesafe.config.ConfigFactory;
import dev.gputel.exporter.cloudwatch.FakeCloudWatch.Fault;
import dev.gputel.runtime.exporter.ExporterHelperSettings;
import dev.gputel.runtime.exporter.ExporterMetrics;
import dev.gputel.runtime.exporter.QueuedExporter;
import dev.gputel.runtime.telemetry.ComponentTelemetry;
import dev.gputel.runtime.telemetry.StatusBoard;
import dev.gputel.runtime.telemetry.TelemetryRegistry;
import dev.gputel.spi.component.ComponentId;
import dev.gputel.spi.component.ComponentKind;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.testing.TestHost;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The exporter under the runtime's own queue and retry (not the tests' stand-in for them), with
 * waits shortened to milliseconds: through a throttling storm, 5xx and dropped connections every
 * data point arrives exactly once, and no call breaks a limit.
 */
class RuntimeRetryTest {

  @Test
  void everyDataPointArrivesThroughTheRuntimesRetries() throws Exception {
    try (Harness h = new Harness("max-datums-per-request = 10", false)) {
      h.fake.faults(n -> n < 30 ? Fault.THROTTLE : switch (n % 5) {
        case 0 -> Fault.THROTTLE;
        case 1 -> Fault.SERVER_ERROR;
        case 2 -> Fault.DROP_BEFORE;
        default -> Fault.NONE;
      });
      ComponentId id = new ComponentId(ComponentKind.EXPORTER, "cloudwatch", "");
      Clock clock = Clock.systemUTC();
      TelemetryRegistry registry = new TelemetryRegistry();
      ExporterHelperSettings helper = ExporterHelperSettings.from(ConfigFactory.parseString(
          "retry { initial-interval = 1ms, max-interval = 20ms, max-elapsed = 0 }")
          .withFallback(ConfigFactory.defaultReference().getConfig("gputel.exporter-helper")));
      QueuedExporter runtime = new QueuedExporter(id, h.exporter, helper,
          new ExporterMetrics(new ComponentTelemetry(registry, new StatusBoard(clock), id), clock),
          clock, LoggerFactory.getLogger(RuntimeRetryTest.class), new TestHost());
      runtime.start();

      Set<String> expected = new HashSet<>();
      for (int i = 0; i < 20; i++) {
        MetricBatch batch = Harness.sample(4, Harness.START.plusSeconds(10L * i));
        for (MetricPoint point : batch.points()) {
          expected.add(point.name() + "@" + point.attributes().get("gpu.index") + "@" + point.timestamp().toEpochMilli());
        }
        runtime.offer(batch);
      }

      await().atMost(Duration.ofSeconds(60)).until(() -> arrived(h).size() == expected.size());
      runtime.drainAndStop(Instant.now().plusSeconds(10));
      assertThat(arrived(h)).isEqualTo(expected);
      // No answer was lost after CloudWatch took the data, and a retried batch resumes after the calls that
      // went through (the runtime offers the same batch again): nothing arrives twice.
      assertThat(h.fake.received()).hasSameSizeAs(expected);
      assertThat(h.fake.faultsInjected()).hasSizeGreaterThan(30);
      assertThat(h.fake.violations()).isEmpty();
      assertThat(registry.value("gputel_exporter_retries_total", Map.of("exporter", id.toString())))
          .isGreaterThan(0);
    }
  }

  /** The own-set data points that arrived, deduplicated: metric, GPU and timestamp. */
  private static Set<String> arrived(Harness h) {
    Set<String> keys = new HashSet<>();
    for (FakeCloudWatch.Received r : h.fake.received()) {
      keys.add(r.name().substring("nvidia_smi_".length()) + "@" + r.dimensions().get("index") + "@"
          + r.timestampMillis());
    }
    return keys;
  }
}
