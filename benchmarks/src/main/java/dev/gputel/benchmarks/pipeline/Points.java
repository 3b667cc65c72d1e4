package dev.gputel.benchmarks.pipeline;

import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** What the filtering processors share. */
final class Points {
  private Points() {}

  /** Returns the batch with only the points {@code keep} accepts; the same batch when it keeps all. */
  static MetricBatch retain(MetricBatch batch, Predicate<MetricPoint> keep) {
    List<MetricPoint> points = batch.points();
    int first = 0;
    while (first < points.size() && keep.test(points.get(first))) {
      first++;
    }
    if (first == points.size()) {
      return batch;
    }
    List<MetricPoint> kept = new ArrayList<>(points.size() - 1);
    kept.addAll(points.subList(0, first));
    for (int i = first + 1; i < points.size(); i++) {
      MetricPoint point = points.get(i);
      if (keep.test(point)) {
        kept.add(point);
      }
    }
    return batch.withPoints(kept);
  }
}
