package dev.gputel.receiver.replay;

import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.spi.data.Resource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Turns CSV samples into metric batches: one point per GPU per selected numeric field. */
final class MetricSamples {
  private final CsvCapture capture;
  private final Set<String> selected;

  /** @param fields the CSV fields to turn into metrics; empty takes every numeric field */
  MetricSamples(CsvCapture capture, List<String> fields) {
    this(capture, fields, metric -> true);
  }

  /**
   * @param fields the CSV fields to turn into metrics; empty takes every numeric field
   * @param wanted whether any pipeline keeps a metric name; asked once per column, here
   */
  MetricSamples(CsvCapture capture, List<String> fields, Predicate<String> wanted) {
    this.capture = capture;
    this.selected = capture.columns().stream()
        .map(CsvCapture.Column::field)
        .filter(field -> !GpuIdentity.isIdentity(field))
        .filter(field -> fields.isEmpty() || fields.contains(field))
        .filter(field -> wanted.test(CsvValues.metricName(field)))
        .collect(Collectors.toUnmodifiableSet());
  }

  int size() {
    return capture.samples().size();
  }

  MetricBatch batch(int sample, Instant timestamp) {
    List<MetricPoint> points = new ArrayList<>();
    for (Map<String, String> row : capture.samples().get(sample)) {
      Attributes gpu = GpuIdentity.of(row);
      for (Map.Entry<String, String> cell : row.entrySet()) {
        String field = cell.getKey();
        if (!selected.contains(field)) {
          continue;
        }
        OptionalDouble value = CsvValues.number(cell.getValue());
        if (value.isPresent()) {
          points.add(MetricPoint.gauge(CsvValues.metricName(field), value.getAsDouble(),
              CsvValues.unit(field, capture.unitOf(field)), timestamp, gpu));
        }
      }
    }
    return new MetricBatch(Resource.empty(), points);
  }
}
