package dev.gputel.exporter.cloudwatchemf;

import dev.gputel.cloudwatch.PublishedMetric;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The points that share a timestamp and dimension values: one EMF document (or several, past 100
 * metrics or the size limit).
 */
final class MetricGroup {
  /** EMF: a metric target array holds at most 100 values. */
  static final int MAX_VALUES = 100;

  final long timestampMillis;
  /** Value of each configured dimension, null where unknown. */
  final String[] dimensionValues;
  final long present;
  private final Map<String, Values> metrics = new LinkedHashMap<>();

  MetricGroup(long timestampMillis, String[] dimensionValues, long present) {
    this.timestampMillis = timestampMillis;
    this.dimensionValues = dimensionValues;
    this.present = present;
  }

  /** Adds a value; returns false when the metric already holds {@link #MAX_VALUES} here. */
  boolean add(PublishedMetric metric, double value) {
    Values values = metrics.get(metric.name());
    if (values == null) {
      metrics.put(metric.name(), new Values(metric, value));
      return true;
    }
    return values.add(value);
  }

  List<Values> metrics() {
    return new ArrayList<>(metrics.values());
  }

  /** One metric's values in this group: usually one, several when a source repeats a sample. */
  static final class Values {
    final PublishedMetric metric;
    private double[] values;
    private int count;

    Values(PublishedMetric metric, double first) {
      this.metric = metric;
      this.values = new double[] {first};
      this.count = 1;
    }

    boolean add(double value) {
      if (count == MAX_VALUES) {
        return false;
      }
      if (count == values.length) {
        values = Arrays.copyOf(values, Math.min(MAX_VALUES, count * 2));
      }
      values[count++] = value;
      return true;
    }

    int count() {
      return count;
    }

    double get(int i) {
      return values[i];
    }
  }

  /** The grouping key: timestamp and dimension values. */
  record Key(long timestampMillis, List<String> dimensionValues) {}
}
