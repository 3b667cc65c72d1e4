package dev.gputel.exporter.prometheus;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.Severity;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.DataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Which events the Xid counters count, and how. */
class XidCountsTest {
  private final XidCounts counts = new XidCounts(Naming.PROMETHEUS, new GpuLabeler(Naming.PROMETHEUS, List.of(), ""));

  @Test
  void countsPerGpuXidAndSeverity() {
    int counted = counts.count(TestXids.batch(
        TestXids.xid("1", 0, 79, "FATAL"), TestXids.xid("2", 0, 79, "FATAL"),
        TestXids.xid("3", 0, 13, "WARN"), TestXids.xid("4", 1, 79, "FATAL")));

    assertThat(counted).isEqualTo(4);
    assertThat(counts()).containsExactly(
        Map.entry("0/13/WARN", 1.0), Map.entry("0/79/FATAL", 2.0), Map.entry("1/79/FATAL", 1.0));
  }

  @Test
  void skipsEventsWithoutACodeRepeatedReportsAndIdsSeenBefore() {
    Event line = new Event(TestGpus.T, Severity.INFO, "NVRM: GPU at PCI:0000:00:00: GPU-0", Attributes.empty(), "x");
    Event duplicate = new Event(TestGpus.T, Severity.FATAL, "GPU has fallen off the bus.",
        TestXids.xid("d", 0, 79, "FATAL").attributes().with("xid.duplicate", true), "d");

    int counted = counts.count(TestXids.batch(line, duplicate, TestXids.xid("1", 0, 79, "FATAL"),
        TestXids.xid("1", 0, 79, "FATAL")));

    assertThat(counted).isEqualTo(1);
    assertThat(counts()).containsExactly(Map.entry("0/79/FATAL", 1.0));
  }

  @Test
  void nothingIsServedBeforeTheFirstXid() {
    assertThat(counts.snapshots()).isEmpty();
  }

  @Test
  void labelSetsAreCapped() {
    for (int i = 0; i < XidCounts.MAX_SERIES + 10; i++) {
      counts.count(TestXids.batch(TestXids.xid("id" + i, 0, 1000 + i, "WARN")));
    }

    assertThat(counts()).hasSize(XidCounts.MAX_SERIES);
  }

  @Test
  void dcgmNamingServesTheCountAndEachGpusLastXid() {
    XidCounts dcgm = new XidCounts(Naming.DCGM, new GpuLabeler(Naming.DCGM, List.of(), "node-1"));
    dcgm.count(TestXids.batch(TestXids.xid("1", 0, 79, "FATAL"), TestXids.xid("2", 0, 48, "ERROR")));

    List<MetricSnapshot> snapshots = dcgm.snapshots();

    assertThat(snapshots).extracting(s -> s.getMetadata().getName())
        .containsExactly("DCGM_EXP_XID_ERRORS_COUNT", "DCGM_FI_DEV_XID_ERRORS");
    GaugeSnapshot last = (GaugeSnapshot) snapshots.get(1);
    assertThat(last.getDataPoints()).singleElement().satisfies(point -> {
      assertThat(point.getValue()).isEqualTo(48);
      assertThat(point.getLabels().get("UUID")).isEqualTo("GPU-00000000-0000-0000-0000-000000000000");
      assertThat(point.getLabels().get("Hostname")).isEqualTo("node-1");
    });
  }

  /** gpu/xid/severity to count. */
  private Map<String, Double> counts() {
    Map<String, Double> byKey = new TreeMap<>();
    for (MetricSnapshot snapshot : counts.snapshots()) {
      assertThat(snapshot.getMetadata().getName()).isEqualTo("nvidia_gpu_xid_errors");
      for (DataPointSnapshot point : snapshot.getDataPoints()) {
        byKey.put(point.getLabels().get("gpu") + "/" + point.getLabels().get("xid") + "/"
            + point.getLabels().get("severity"), ((CounterSnapshot.CounterDataPointSnapshot) point).getValue());
      }
    }
    return byKey;
  }
}
