package dev.gputel.exporter.cloudwatch;

import dev.gputel.cloudwatch.CloudWatchLimits;
import dev.gputel.cloudwatch.DimensionSpec;
import dev.gputel.cloudwatch.MetricIdentity;
import dev.gputel.cloudwatch.PublishedMetric;
import dev.gputel.cloudwatch.Rollups;
import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a metric batch into PutMetricData data points: each point under its own dimension set and
 * under every aggregation-dimensions rollup that applies (the CloudWatch agent's rules, shared with
 * cloudwatch-emf through {@link Rollups}), with the values of one metric, dimension set and
 * timestamp merged into one datum's Values and Counts arrays (at most 150 distinct values each; a
 * repeated value only raises its count). A rollup over 8 GPUs is one datum, not 8.
 * Thread-safe: each call works on its own state.
 */
final class DatumBuilder {
  /** PutMetricData: at most 150 values in a datum's Values array. */
  static final int MAX_VALUES = 150;
  /** PutMetricData: a dimension value is 1 to 1024 characters. */
  /** PutMetricData rejects data older than two weeks; a minute's margin for the trip. */
  static final Duration MAX_AGE = Duration.ofDays(14).minusMinutes(1);
  /** ... and data more than two hours ahead of its clock. */
  static final Duration MAX_AHEAD = Duration.ofHours(2);

  private final MetricIdentity identity;
  private final boolean highResolution;
  private final String[] dimensionNames;
  private final Rollups rollups;
  private final PublishedMetric.Cache names;
  private final String localHostname;
  private final Drops drops;
  private final Clock clock;

  DatumBuilder(MetricIdentity identity, boolean highResolution, String localHostname, Drops drops, Clock clock) {
    this.identity = identity;
    this.highResolution = highResolution;
    this.dimensionNames = identity.dimensionNames().toArray(String[]::new);
    this.rollups = new Rollups(identity.dimensionNames(), identity.rollups());
    this.names = identity.publishedNames();
    this.localHostname = localHostname;
    this.drops = drops;
    this.clock = clock;
  }

  /** Returns the data points for a batch, in the order of their first point. */
  List<Datum> build(MetricBatch batch) {
    Attributes resource = batch.resource().attributes();
    Instant now = clock.instant();
    long oldest = now.minus(MAX_AGE).toEpochMilli();
    long newest = now.plus(MAX_AHEAD).toEpochMilli();
    Map<Key, Datum.Builder> open = new LinkedHashMap<>();
    List<Datum.Builder> all = new ArrayList<>();
    // Points of one GPU share one Attributes instance: resolve its dimensions once.
    Map<Attributes, String[]> dimensionsByAttributes = new IdentityHashMap<>();
    Map<Long, int[][]> setsByPattern = new HashMap<>();
    for (MetricPoint point : batch.points()) {
      double value = point.value();
      if (!Double.isFinite(value)) {
        drops.add(Drops.Reason.NOT_FINITE, 1);
        continue;
      }
      if (!CloudWatchLimits.inRange(value)) {
        drops.add(Drops.Reason.OUT_OF_RANGE, 1);
        continue;
      }
      long timestamp = point.timestamp().toEpochMilli();
      if (timestamp < oldest || timestamp > newest) {
        drops.add(Drops.Reason.OUT_OF_TIME_WINDOW, 1);
        continue;
      }
      String[] values = dimensionsByAttributes.computeIfAbsent(point.attributes(), a -> dimensions(a, resource));
      if (values == null) {
        drops.add(Drops.Reason.BAD_DIMENSION_VALUE, 1);
        continue;
      }
      PublishedMetric metric = names.of(point.name(), point.unit());
      long present = Rollups.pattern(values);
      int[][] sets = setsByPattern.computeIfAbsent(present, this::sets);
      boolean dropOriginal = identity.dropsOriginal(metric.name());
      // The agent's IsDropping: a metric published only through rollups, with none that apply, is not published.
      for (int s = dropOriginal ? 1 : 0; s < sets.length; s++) {
        Key key = new Key(metric.name(), timestamp, sets[s], values);
        Datum.Builder datum = open.get(key);
        if (datum == null || !datum.add(value)) {
          datum = new Datum.Builder(metric, dimensionNames, sets[s], values, timestamp, highResolution);
          datum.add(value);
          open.put(key, datum);
          all.add(datum);
        }
      }
    }
    List<Datum> result = new ArrayList<>(all.size());
    for (Datum.Builder datum : all) {
      result.add(datum.build());
    }
    return result;
  }

  /** The datum's own set first, then each rollup that applies, as indexes into the dimension names. */
  private int[][] sets(long present) {
    Rollups.Sets sets = rollups.forPattern(present);
    int[][] result = new int[1 + sets.rollups().size()][];
    result[0] = sets.own();
    for (int i = 0; i < sets.rollups().size(); i++) {
      result[i + 1] = sets.rollups().get(i);
    }
    return result;
  }

  /** Returns each dimension's value (null where unknown), or null when one cannot be published. */
  private String[] dimensions(Attributes point, Attributes resource) {
    List<DimensionSpec> specs = identity.dimensions();
    String[] values = new String[specs.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = specs.get(i).value(point, resource, localHostname);
      if (values[i] != null && !publishable(values[i])) {
        return null;
      }
    }
    return values;
  }

  /** PutMetricData: a dimension value is 1 to 1024 printable ASCII characters. */
  private static boolean publishable(String value) {
    if (value.length() > CloudWatchLimits.MAX_DIMENSION_VALUE) {
      return false;
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c < 0x20 || c > 0x7e) {
        return false;
      }
    }
    return true;
  }


  /** A datum's identity: metric, timestamp, dimension set and the values of its dimensions. */
  private static final class Key {
    private final String name;
    private final long timestamp;
    private final int[] set;
    private final String[] values;
    private final int hash;

    Key(String name, long timestamp, int[] set, String[] values) {
      this.name = name;
      this.timestamp = timestamp;
      this.set = set;
      this.values = values;
      int h = (name.hashCode() * 31 + Long.hashCode(timestamp)) * 31 + Arrays.hashCode(set);
      for (int index : set) {
        h = h * 31 + values[index].hashCode();
      }
      this.hash = h;
    }

    @Override
    public boolean equals(Object other) {
      if (!(other instanceof Key k) || k.hash != hash || k.timestamp != timestamp || !k.name.equals(name)
          || !Arrays.equals(k.set, set)) {
        return false;
      }
      for (int index : set) {
        if (!k.values[index].equals(values[index])) {
          return false;
        }
      }
      return true;
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
