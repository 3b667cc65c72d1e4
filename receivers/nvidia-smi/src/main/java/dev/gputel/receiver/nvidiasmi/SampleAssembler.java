package dev.gputel.receiver.nvidiasmi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Groups data rows into samples: one row per GPU, all GPUs of one iteration. A sample is complete
 * when it holds as many rows as the {@code count} column says there are GPUs (so a loop sample is
 * sent as soon as its last row arrives, not one interval later), or ends when a GPU index repeats
 * (should a row have been lost, or {@code count} not be queried).
 */
final class SampleAssembler {
  private final List<String> fields;
  private final int indexColumn;
  private final int countColumn;
  private final List<List<String>> rows = new ArrayList<>();
  private final Set<String> indexes = new HashSet<>();

  SampleAssembler(List<String> fields) {
    this.fields = List.copyOf(fields);
    this.indexColumn = fields.indexOf("index");
    this.countColumn = fields.indexOf("count");
  }

  /** Adds a row; returns the samples it completed, usually none or one. */
  List<Sample> add(List<String> row) {
    List<Sample> completed = new ArrayList<>(1);
    if (indexColumn >= 0 && !indexes.add(row.get(indexColumn))) {
      completed.add(take());
      indexes.add(row.get(indexColumn));
    }
    rows.add(row);
    if (countColumn >= 0 && rows.size() >= gpuCount(row)) {
      completed.add(take());
    }
    return completed;
  }

  /** Returns the rows not yet part of a complete sample as one, and starts over. */
  Sample flush() {
    return take();
  }

  int pendingRows() {
    return rows.size();
  }

  private Sample take() {
    Sample sample = new Sample(fields, rows);
    rows.clear();
    indexes.clear();
    return sample;
  }

  private int gpuCount(List<String> row) {
    try {
      return Integer.parseInt(row.get(countColumn));
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE; // no usable count: the index rule ends the sample
    }
  }
}
