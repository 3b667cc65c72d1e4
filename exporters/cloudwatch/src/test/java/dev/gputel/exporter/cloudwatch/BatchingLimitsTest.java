package dev.gputel.exporter.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.spi.data.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Requests stay within PutMetricData's limits, which the fake enforces, whatever the batch. */
class BatchingLimitsTest {

  @Test
  void atMostAThousandDataPointsPerCall() throws Exception {
    try (Harness h = new Harness("")) {
      h.exporter.exportMetrics(h.sample(625)); // 2,500 data points

      assertThat(h.fake.received()).hasSize(2500);
      assertThat(h.telemetry.count("cloudwatch_requests_sent")).isEqualTo(3);
      assertThat(h.fake.violations()).isEmpty();
    }
  }

  @Test
  void largeDataPointsAreCutUnderOneMegabyte() throws Exception {
    // 29 dimensions of 1,000 characters: about 30 KB a datum, so the size limit cuts before the count.
    StringBuilder append = new StringBuilder("dimensions = [index], append-dimensions {");
    for (int i = 0; i < 28; i++) {
      append.append(" D").append(i).append(" = \"").append(String.valueOf((char) ('a' + i % 26)).repeat(1000))
          .append("\",");
    }
    append.append(" }");
    try (Harness h = new Harness(append.toString())) {
      h.exporter.exportMetrics(h.sample(40)); // 160 data points, about 4.7 MB

      assertThat(h.fake.received()).hasSize(160);
      assertThat(h.fake.received().getFirst().dimensions()).hasSize(29);
      assertThat(h.fake.violations()).isEmpty();
      List<Integer> sizes = h.fake.bodySizes();
      assertThat(sizes).hasSizeGreaterThanOrEqualTo(5).allSatisfy(s -> assertThat(s).isLessThanOrEqualTo(1_000_000));
      // The size bound is not so loose that calls are far smaller than they may be.
      assertThat(sizes.getFirst()).isGreaterThan(850_000);
    }
  }

  @Test
  void aRollupMergesItsValuesIntoValuesAndCountsOf150AtMost() throws Exception {
    try (Harness h = new Harness("aggregation-dimensions = [[name], []], drop-original-metrics = [\"*\"]")) {
      List<MetricPoint> points = new ArrayList<>();
      for (int i = 0; i < 400; i++) {
        // 200 distinct values, each from two GPUs.
        points.add(MetricPoint.gauge("power_draw", 100 + i / 2, "W", Harness.START, Harness.gpu(i)));
      }
      h.exporter.exportMetrics(new MetricBatch(new Resource(Attributes.builder().put("host.name", "h").build()),
          points));

      List<FakeCloudWatch.Received> data = h.fake.received();
      assertThat(h.fake.violations()).isEmpty();
      // Only rollups: [name] and [] (the agent's drop_original_metrics); 200 values need two datums each.
      assertThat(data).extracting(FakeCloudWatch.Received::dimensions).containsExactly(
          Map.of("name", "NVIDIA H100 80GB HBM3"), Map.of(), Map.of("name", "NVIDIA H100 80GB HBM3"), Map.of());
      assertThat(data.get(0).values()).hasSize(150);
      assertThat(data.get(0).counts()).hasSize(150).containsOnly(2.0);
      assertThat(data.get(2).values()).hasSize(50);
      assertThat(data.stream().mapToDouble(d -> d.counts().stream().mapToDouble(Double::doubleValue).sum()).sum())
          .isEqualTo(800);
    }
  }

  @Test
  void rollupsFollowTheAgentsRules() throws Exception {
    try (Harness h = new Harness("dimensions = [host, index, name, arch],"
        + " aggregation-dimensions = [[host, index, name, arch], [name, host], [host]],"
        + " drop-original-metrics = [power_draw]")) {
      h.exporter.exportMetrics(h.sample(4));

      List<FakeCloudWatch.Received> util = h.fake.received().stream()
          .filter(d -> d.name().equals("nvidia_smi_utilization_gpu")).toList();
      // Own sets of the 4 GPUs; the 4-key rollup is never smaller than a set it fits; [host, name] and [host]
      // collect the 4 GPUs into one datum each, with repeated values counted.
      assertThat(util).hasSize(6);
      FakeCloudWatch.Received byHost = util.stream().filter(d -> d.dimensions().equals(Map.of("host", Harness.HOST)))
          .findFirst().orElseThrow();
      assertThat(byHost.values()).containsExactly(100.0, 37.0);
      assertThat(byHost.counts()).containsExactly(2.0, 2.0);
      // power_draw only through its rollups.
      assertThat(h.fake.received().stream().filter(d -> d.name().equals("nvidia_smi_power_draw")))
          .extracting(FakeCloudWatch.Received::dimensions)
          .containsExactly(Map.of("host", Harness.HOST, "name", "NVIDIA H100 80GB HBM3"), Map.of("host", Harness.HOST));
    }
  }
}
