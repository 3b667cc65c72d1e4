package dev.gputel.exporter.prometheus;

import dev.gputel.spi.component.SelfMetric;
import dev.gputel.spi.data.MetricKind;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The agent's own {@code gputel_*} metrics, as the host reads them, as client_java snapshots. */
final class SelfSnapshots {
  private SelfSnapshots() {}

  /** Converts each metric; one that client_java rejects (a bad name or label) goes to {@code rejected}. */
  static List<MetricSnapshot> of(List<SelfMetric> metrics, Consumer<RuntimeException> rejected) {
    List<MetricSnapshot> snapshots = new ArrayList<>(metrics.size());
    for (SelfMetric metric : metrics) {
      try {
        Map<Labels, Double> values = new LinkedHashMap<>();
        for (SelfMetric.Sample sample : metric.samples()) {
          Labels.Builder labels = Labels.builder();
          sample.labels().forEach(labels::label);
          values.put(labels.build(), sample.value());
        }
        Family.Type type = metric.kind() == MetricKind.COUNTER ? Family.Type.COUNTER : Family.Type.GAUGE;
        snapshots.add(Snapshots.of(new Family(metric.name(), metric.help(), type, null, 1), values));
      } catch (RuntimeException e) {
        rejected.accept(e);
      }
    }
    return snapshots;
  }
}
