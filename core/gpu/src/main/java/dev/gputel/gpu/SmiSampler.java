package dev.gputel.gpu;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Groups the rows of a {@code --query-gpu} stream into samples, one row per GPU. A sample ends
 * where the timestamp changes or a GPU (by index, UUID or bus id) appears again; rows with neither
 * all belong to one sample.
 */
public final class SmiSampler {
  private List<GpuRow> current = new ArrayList<>();
  private final Set<String> keys = new HashSet<>();
  private String timestamp;

  /** Adds a row; returns the sample it ended (the rows before it), or an empty list. */
  public List<GpuRow> add(GpuRow row) {
    String key = row.key();
    String rowTimestamp = row.timestamp();
    List<GpuRow> finished = List.of();
    boolean newSample = !current.isEmpty()
        && ((rowTimestamp != null && !Objects.equals(rowTimestamp, timestamp)) || (key != null && keys.contains(key)));
    if (newSample) {
      finished = flush();
    }
    current.add(row);
    timestamp = rowTimestamp;
    if (key != null) {
      keys.add(key);
    }
    return finished;
  }

  /** Returns the rows of the sample in progress and starts a new one. */
  public List<GpuRow> flush() {
    List<GpuRow> finished = List.copyOf(current);
    current = new ArrayList<>();
    keys.clear();
    timestamp = null;
    return finished;
  }
}
