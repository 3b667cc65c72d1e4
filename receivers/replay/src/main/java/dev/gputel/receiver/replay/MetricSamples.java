package dev.gputel.receiver.replay;

import dev.gputel.gpu.GpuMetric;
import dev.gputel.gpu.GpuRow;
import dev.gputel.gpu.SmiFields;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.spi.data.Resource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Turns CSV samples into metric batches: one point per GPU per selected catalog metric. */
final class MetricSamples {
  private final CsvCapture capture;
  private final Set<GpuMetric> selected = EnumSet.noneOf(GpuMetric.class);

  /** @param fields the CSV fields to turn into metrics; empty takes every catalog metric */
  MetricSamples(CsvCapture capture, List<String> fields) {
    this(capture, fields, metric -> true);
  }

  /**
   * @param fields the CSV fields to turn into metrics; empty takes every catalog metric
   * @param wanted whether any pipeline keeps a metric name; asked once per column, here
   */
  MetricSamples(CsvCapture capture, List<String> fields, Predicate<String> wanted) {
    this.capture = capture;
    List<String> canonicalFields = fields.stream().map(SmiFields::canonical).toList();
    for (int i = 0; i < capture.columns().size(); i++) {
      GpuMetric metric = capture.columns().metric(i);
      if (metric != null && (fields.isEmpty() || canonicalFields.contains(metric.smiField())) && wanted.test(metric.id())) {
        selected.add(metric);
      }
    }
  }

  int size() {
    return capture.samples().size();
  }

  MetricBatch batch(int sample, Instant timestamp) {
    List<MetricPoint> points = new ArrayList<>();
    for (GpuRow row : capture.samples().get(sample)) {
      points.addAll(row.points(timestamp, row.attributes(), selected::contains));
    }
    return new MetricBatch(Resource.empty(), points);
  }
}
