package dev.gputel.exporter.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.gpu.GpuMetric;
import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.spi.data.Resource;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Which series a scrape serves as batches come and go: replacement per batch, and expiry. */
class LatestValuesTest {
  private static final Instant START = Instant.parse("2026-07-14T08:00:00Z");
  private static final String UTILIZATION = "nvidia_gpu_utilization_gpu_ratio";
  private static final String MEMORY = "nvidia_gpu_memory_used_bytes";

  private final List<MetricPoint> ignored = new ArrayList<>();
  private final LatestValues values = new LatestValues(PrometheusNames.families(),
      new GpuLabeler(Naming.PROMETHEUS, List.of(), ""), Duration.ofSeconds(60));

  @Test
  void aGpuMissingFromTheNextBatchIsGoneAtOnce() {
    values.update(TestGpus.batch(0, 1, 2), START, ignored::add);
    assertThat(gpus(UTILIZATION, START)).containsOnlyKeys("0", "1", "2");

    values.update(TestGpus.batch(0, 2), START.plusSeconds(10), ignored::add);

    assertThat(gpus(UTILIZATION, START.plusSeconds(10))).containsOnlyKeys("0", "2");
    assertThat(gpus(MEMORY, START.plusSeconds(10))).containsOnlyKeys("0", "2");
    assertThat(infoGpus(START.plusSeconds(10))).containsExactly("0", "2");
  }

  @Test
  void aBatchLeavesTheMetricsItDoesNotCarryAlone() {
    values.update(TestGpus.batch(0, 1), START, ignored::add); // A slow source: every metric.

    values.update(new MetricBatch(Resource.empty(), List.of(point(GpuMetric.UTILIZATION_GPU, 55, 0),
        point(GpuMetric.UTILIZATION_GPU, 65, 1))), START.plusSeconds(10), ignored::add); // A fast one.

    assertThat(gpus(UTILIZATION, START.plusSeconds(10))).containsExactly(Map.entry("0", 0.55), Map.entry("1", 0.65));
    assertThat(gpus(MEMORY, START.plusSeconds(10))).containsOnlyKeys("0", "1");
  }

  @Test
  void aGpuThatLeavesOneMetricTakesAllItsMetricsAlong() {
    values.update(TestGpus.batch(0, 1), START, ignored::add);

    values.update(new MetricBatch(Resource.empty(), List.of(point(GpuMetric.UTILIZATION_GPU, 55, 0))),
        START.plusSeconds(10), ignored::add);

    assertThat(gpus(UTILIZATION, START.plusSeconds(10))).containsExactly(Map.entry("0", 0.55));
    assertThat(gpus(MEMORY, START.plusSeconds(10))).containsOnlyKeys("0");
    assertThat(infoGpus(START.plusSeconds(10))).containsExactly("0");
  }

  @Test
  void eachResourceIsReplacedOnItsOwn() {
    Resource a = new Resource(Attributes.of("host.name", "a"));
    Resource b = new Resource(Attributes.of("host.name", "b"));
    values.update(TestGpus.batch(a, 0), START, ignored::add);
    values.update(TestGpus.batch(b, 1), START.plusSeconds(1), ignored::add);

    values.update(TestGpus.batch(a, 2), START.plusSeconds(2), ignored::add);

    assertThat(gpus(UTILIZATION, START.plusSeconds(2))).containsOnlyKeys("1", "2");
  }

  @Test
  void aMetricNobodyUpdatesExpiresAfterExpireAfter() {
    values.update(TestGpus.batch(0), START, ignored::add);

    assertThat(gpus(UTILIZATION, START.plusSeconds(60))).containsOnlyKeys("0");
    assertThat(gpus(UTILIZATION, START.plusSeconds(61))).isEmpty();
    assertThat(infoGpus(START.plusSeconds(61))).isEmpty();
  }

  @Test
  void aSlowSourceKeepsItsSeriesForThreeOfItsIntervals() {
    values.update(TestGpus.batch(0), START, ignored::add);
    values.update(TestGpus.batch(0), START.plusSeconds(45), ignored::add); // Every 45 s: 135 s to live.

    assertThat(gpus(UTILIZATION, START.plusSeconds(45 + 135))).containsOnlyKeys("0");
    assertThat(gpus(UTILIZATION, START.plusSeconds(45 + 136))).isEmpty();
  }

  @Test
  void pointsOutsideTheCatalogOrInAnotherUnitAreNotServed() {
    MetricPoint unknown = TestGpus.point("load_average_1m", 0.5, "1", 0);
    MetricPoint otherUnit = TestGpus.point("utilization_gpu", 0.5, "1", 0);
    MetricPoint good = point(GpuMetric.UTILIZATION_GPU, 50, 0);

    values.update(new MetricBatch(Resource.empty(), List.of(unknown, otherUnit, good)), START, ignored::add);

    assertThat(ignored).containsExactly(unknown, otherUnit);
    assertThat(gpus(UTILIZATION, START)).containsExactly(Map.entry("0", 0.5));
  }

  @Test
  void twoSourcesWithTheSameLabelsServeTheNewerValueOnce() {
    values.update(new MetricBatch(new Resource(Attributes.of("host.name", "a")),
        List.of(point(GpuMetric.UTILIZATION_GPU, 10, 0))), START, ignored::add);
    values.update(new MetricBatch(new Resource(Attributes.of("host.name", "b")),
        List.of(point(GpuMetric.UTILIZATION_GPU, 20, 0))), START.plusSeconds(1), ignored::add);

    assertThat(gpus(UTILIZATION, START.plusSeconds(1))).containsExactly(Map.entry("0", 0.2));
  }

  @Test
  void scrapesReuseTheSnapshotsUntilSomethingChanges() {
    values.update(TestGpus.batch(0, 1), START, ignored::add);
    List<MetricSnapshot> first = values.snapshots(START);

    assertThat(values.snapshots(START.plusSeconds(1))).isSameAs(first);
    assertThat(values.seriesCount()).isEqualTo(2 * GpuMetric.values().length);
    values.update(TestGpus.batch(0), START.plusSeconds(2), ignored::add);
    assertThat(values.snapshots(START.plusSeconds(2))).isNotSameAs(first);
    assertThat(values.seriesCount()).isEqualTo(GpuMetric.values().length);
  }

  private static MetricPoint point(GpuMetric metric, double value, int gpu) {
    return TestGpus.point(metric.id(), value, metric.unit().ucum(), gpu);
  }

  /** The value of each GPU's series of one metric, by the gpu label. */
  private Map<String, Double> gpus(String name, Instant now) {
    Map<String, Double> byGpu = new TreeMap<>();
    for (MetricSnapshot snapshot : values.snapshots(now)) {
      if (snapshot.getMetadata().getPrometheusName().equals(name)) {
        for (DataPointSnapshot point : snapshot.getDataPoints()) {
          byGpu.put(point.getLabels().get("gpu"), ((GaugeSnapshot.GaugeDataPointSnapshot) point).getValue());
        }
      }
    }
    return byGpu;
  }

  private List<String> infoGpus(Instant now) {
    return values.snapshots(now).stream().filter(s -> s.getMetadata().getName().equals("nvidia_gpu"))
        .flatMap(s -> s.getDataPoints().stream()).map(p -> p.getLabels().get("gpu")).toList();
  }
}
