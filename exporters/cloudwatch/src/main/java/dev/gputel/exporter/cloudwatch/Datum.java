package dev.gputel.exporter.cloudwatch;

import dev.gputel.cloudwatch.PublishedMetric;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/**
 * One PutMetricData datum and an upper bound of its encoded size, so that requests are cut before
 * CloudWatch's 1 MB limit without encoding them twice.
 *
 * @param values the number of values the datum stands for (the sum of its counts)
 */
record Datum(MetricDatum datum, int maxEncodedBytes, long values) {

  /**
   * The most bytes a datum's CBOR encoding (Smithy RPC v2) can take beyond its strings and numbers:
   * each key, string and container header counted at its largest (3 bytes), doubles at 9,
   * indefinite-length containers with their break byte.
   */
  static int maxEncodedBytes(String name, String unit, List<Dimension> dimensions, int values, boolean resolution) {
    int bytes = 4 // the datum's map header and break
        + 13 + 3 + utf8(name) // MetricName
        + 13 + 4 // Dimensions and the array's header and break
        + 13 + 12 // Timestamp: tag, double
        + 2 * (9 + 4 + 9 * values) // Values and Counts: key, header and break, doubles
        + 7 + 3 + utf8(unit) // Unit
        + (resolution ? 20 + 9 : 0); // StorageResolution
    for (Dimension dimension : dimensions) {
      bytes += 4 + 7 + 3 + utf8(dimension.name()) + 8 + 3 + utf8(dimension.value());
    }
    return bytes;
  }

  private static int utf8(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 0x80) {
        return text.getBytes(StandardCharsets.UTF_8).length;
      }
    }
    return text.length();
  }

  /** Collects the values of one metric, dimension set and timestamp. */
  static final class Builder {
    private final PublishedMetric metric;
    private final String[] dimensionNames;
    private final int[] set;
    private final String[] dimensionValues;
    private final long timestamp;
    private final boolean highResolution;
    private double[] values = new double[1];
    private double[] counts = new double[1];
    private int size;

    Builder(PublishedMetric metric, String[] dimensionNames, int[] set, String[] dimensionValues, long timestamp,
        boolean highResolution) {
      this.metric = metric;
      this.dimensionNames = dimensionNames;
      this.set = set;
      this.dimensionValues = dimensionValues;
      this.timestamp = timestamp;
      this.highResolution = highResolution;
    }

    /** Adds a value; returns false when it is new and the datum already holds 150 distinct values. */
    boolean add(double value) {
      for (int i = 0; i < size; i++) {
        if (Double.compare(values[i], value) == 0) {
          counts[i]++;
          return true;
        }
      }
      if (size == DatumBuilder.MAX_VALUES) {
        return false;
      }
      if (size == values.length) {
        int capacity = Math.min(DatumBuilder.MAX_VALUES, size * 2);
        values = Arrays.copyOf(values, capacity);
        counts = Arrays.copyOf(counts, capacity);
      }
      values[size] = value;
      counts[size++] = 1;
      return true;
    }

    Datum build() {
      List<Dimension> dimensions = new ArrayList<>(set.length);
      for (int index : set) {
        dimensions.add(Dimension.builder().name(dimensionNames[index]).value(dimensionValues[index]).build());
      }
      List<Double> valueList = new ArrayList<>(size);
      List<Double> countList = new ArrayList<>(size);
      long total = 0;
      for (int i = 0; i < size; i++) {
        valueList.add(values[i]);
        countList.add(counts[i]);
        total += (long) counts[i];
      }
      MetricDatum.Builder datum = MetricDatum.builder()
          .metricName(metric.name())
          .dimensions(dimensions)
          .timestamp(Instant.ofEpochMilli(timestamp))
          .values(valueList)
          .counts(countList)
          .unit(metric.unit());
      if (highResolution) {
        datum.storageResolution(1);
      }
      return new Datum(datum.build(), maxEncodedBytes(metric.name(), metric.unit(), dimensions, size, highResolution),
          total);
    }
  }
}
