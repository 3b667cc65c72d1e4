package dev.gputel.exporter.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.exporter.cloudwatch.FakeCloudWatch.Fault;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.spi.exporter.RetryableExportException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * Under every fault the fake injects, each data point arrives (at least once; counted once after
 * dedupe by name, dimensions and timestamp) and no request breaks a PutMetricData limit. Small
 * calls (max-datums-per-request = 10) make each batch several calls, so a fault can strike between
 * the calls of one batch.
 */
class FaultToleranceTest {
  private static final String SMALL_CALLS = "max-datums-per-request = 10, aggregation-dimensions = [[name], []]";

  @Test
  void throttlingStorm() throws Exception {
    // The first 50 calls throttled, then two in three.
    assertEveryDatumArrives(n -> n < 50 || n % 3 != 0 ? Fault.THROTTLE : Fault.NONE, true);
  }

  @Test
  void serverErrors() throws Exception {
    assertEveryDatumArrives(n -> n % 2 == 0 ? Fault.SERVER_ERROR : n % 5 == 0 ? Fault.UNAVAILABLE : Fault.NONE, true);
  }

  @Test
  void connectionsDroppedBeforeAndAfterTheDataWasTaken() throws Exception {
    assertEveryDatumArrives(n -> switch (n % 4) {
      case 0 -> Fault.DROP_BEFORE;
      case 2 -> Fault.DROP_AFTER;
      default -> Fault.NONE;
    }, false);
  }

  @Test
  void anHourLongOutageOnTheTestClock() throws Exception {
    try (Harness h = new Harness(SMALL_CALLS)) {
      h.fake.outageUntil(Harness.START.plus(Duration.ofHours(1)));
      Deque<MetricBatch> queue = new ArrayDeque<>();
      Set<String> expected = new HashSet<>();
      // A sample every 10 s for 70 minutes; the runtime's queue holds them while CloudWatch is down,
      // and each tick tries the oldest again.
      for (int tick = 0; tick < 420; tick++) {
        MetricBatch batch = h.sample(2);
        queue.add(batch);
        expected.addAll(expectedKeys(batch));
        while (!queue.isEmpty()) {
          try {
            h.exporter.exportMetrics(queue.peek());
            queue.remove();
          } catch (RetryableExportException e) {
            break;
          }
        }
        if (tick == 300) {
          assertThat(h.telemetry.statuses().getLast().toString()).contains("ServiceUnavailable");
        }
        h.clock.advance(Duration.ofSeconds(10));
      }
      assertThat(queue).isEmpty();
      assertThat(dedupe(h.fake.received())).isEqualTo(expected);
      assertThat(h.fake.received()).hasSameSizeAs(expected);
      assertThat(h.fake.faultsInjected()).hasSizeGreaterThanOrEqualTo(360).containsOnly("UNAVAILABLE");
      assertThat(h.fake.violations()).isEmpty();
      assertThat(h.telemetry.count("cloudwatch_requests_failed", Map.of("kind", "server_error")))
          .isGreaterThanOrEqualTo(360);
    }
  }

  /**
   * @param exactlyOnce whether no answer is lost, so that a retry resends only the calls CloudWatch
   *     refused and nothing arrives twice
   */
  private static void assertEveryDatumArrives(IntFunction<Fault> faults, boolean exactlyOnce) throws Exception {
    try (Harness h = new Harness(SMALL_CALLS)) {
      h.fake.faults(faults);
      Set<String> expected = new HashSet<>();
      for (int i = 0; i < 20; i++) {
        MetricBatch batch = h.sample(4);
        expected.addAll(expectedKeys(batch));
        h.deliver(batch);
        h.clock.advance(Duration.ofSeconds(10));
      }
      assertThat(h.fake.faultsInjected()).isNotEmpty();
      assertThat(h.attempts).isGreaterThan(20);
      assertThat(dedupe(h.fake.received())).isEqualTo(expected);
      assertThat(h.fake.violations()).isEmpty();
      if (exactlyOnce) {
        assertThat(h.fake.received()).hasSameSizeAs(expected);
      } else {
        assertThat(h.fake.received()).hasSizeGreaterThan(expected.size());
      }
    }
  }

  private static Set<String> dedupe(List<FakeCloudWatch.Received> received) {
    Set<String> keys = new HashSet<>();
    received.forEach(r -> keys.add(r.key()));
    return keys;
  }

  /** The data points a batch should become, worked out here rather than by the exporter's code. */
  private static Set<String> expectedKeys(MetricBatch batch) {
    Set<String> keys = new HashSet<>();
    for (MetricPoint point : batch.points()) {
      String name = "nvidia_smi_" + point.name();
      long at = point.timestamp().toEpochMilli();
      Map<String, String> own = new TreeMap<>(Map.of("host", Harness.HOST,
          "index", String.valueOf(point.attributes().get("gpu.index")),
          "name", point.attributes().getString("hw.model")));
      if (point.attributes().getString("gpu.architecture") != null) {
        own.put("arch", point.attributes().getString("gpu.architecture"));
      }
      keys.add(new FakeCloudWatch.Received("CWAgent", name, own, at, List.of(), List.of(), null, null).key());
      keys.add(new FakeCloudWatch.Received("CWAgent", name, new TreeMap<>(Map.of("name", own.get("name"))), at,
          List.of(), List.of(), null, null).key());
      keys.add(new FakeCloudWatch.Received("CWAgent", name, new TreeMap<>(), at, List.of(), List.of(), null, null)
          .key());
    }
    return keys;
  }
}
