package dev.gputel.cloudwatch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The dimension sets a datum is published with, by the CloudWatch agent's rules
 * ({@code plugins/outputs/cloudwatch/cloudwatch.go}, {@code ProcessRollup}): its own set, then each
 * aggregation-dimensions set that has fewer keys than its own and whose keys it all has. The sets
 * arrive de-duplicated and sorted ({@link MetricIdentity}), as the agent's {@code GetUniqueRollupList}
 * leaves them.
 *
 * <p>A datum's set is the configured dimensions whose value is known, so it is one of a few
 * patterns per host (GPUs with and without {@code arch}); the answer is kept per pattern.
 */
public final class Rollups {
  private final List<String> names;
  private final List<List<String>> rollups;
  private final Map<Long, Sets> byPattern = new ConcurrentHashMap<>();

  /** A datum's own set and the rollups that apply to it, as indexes into the dimension names. */
  public record Sets(int[] own, List<int[]> rollups) {}

  /** @param names the configured dimension names, in order */
  public Rollups(List<String> names, List<List<String>> rollups) {
    this.names = List.copyOf(names);
    this.rollups = rollups;
  }

  /** Returns the pattern of {@link #forPattern}: bit i is set when dimension i has a value. */
  public static long pattern(String[] values) {
    long mask = 0;
    for (int i = 0; i < values.length; i++) {
      if (values[i] != null) {
        mask |= 1L << i;
      }
    }
    return mask;
  }

  /** @param present bit i is set when dimension i has a value */
  public Sets forPattern(long present) {
    return byPattern.computeIfAbsent(present, this::compute);
  }

  private Sets compute(long present) {
    int[] own = indexes(present);
    List<int[]> applicable = new ArrayList<>();
    for (List<String> rollup : rollups) {
      if (rollup.size() >= own.length) {
        continue;
      }
      boolean complete = true;
      for (String key : rollup) {
        int index = names.indexOf(key);
        if (index < 0 || (present & (1L << index)) == 0) {
          complete = false;
          break;
        }
      }
      if (complete) {
        applicable.add(indexesInOrder(rollup));
      }
    }
    return new Sets(own, List.copyOf(applicable));
  }

  private int[] indexes(long mask) {
    int[] result = new int[Long.bitCount(mask)];
    int n = 0;
    for (int i = 0; i < names.size(); i++) {
      if ((mask & (1L << i)) != 0) {
        result[n++] = i;
      }
    }
    return result;
  }

  /** Keeps the rollup's own (sorted) key order, the order the agent publishes it in. */
  private int[] indexesInOrder(List<String> rollup) {
    int[] result = new int[rollup.size()];
    for (int i = 0; i < result.length; i++) {
      result[i] = names.indexOf(rollup.get(i));
    }
    return result;
  }
}
