package dev.gputel.receiver.nvidiasmi;

import dev.gputel.gpu.GpuIdentityField;
import dev.gputel.gpu.GpuRow;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Groups data rows into samples: one row per GPU, all GPUs of one iteration. A sample is complete
 * when it holds as many rows as the {@code count} column says there are GPUs, so a loop sample is
 * sent as soon as its last row arrives rather than when the next iteration starts. It also ends
 * when a GPU repeats (should a row be lost, or {@code count} not be queried). The catalog's {@code
 * SmiSampler} and {@code SmiCsvStream} end a sample only when the next one begins, a whole interval
 * late in a loop and never for the last sample before nvidia-smi hangs; they suit whole files.
 */
final class SampleAssembler {
  private final int countColumn;
  private final List<GpuRow> rows = new ArrayList<>();
  private final Set<String> gpus = new HashSet<>();

  /** @param fields the query's fields, to find the {@code count} column */
  SampleAssembler(List<String> fields) {
    this.countColumn = fields.indexOf("count");
  }

  /** Adds a row; returns the samples it completed, usually none or one. */
  List<Sample> add(GpuRow row) {
    List<Sample> completed = new ArrayList<>(1);
    String gpu = gpuOf(row);
    if (gpu != null && gpus.contains(gpu)) {
      completed.add(take());
    }
    rows.add(row);
    if (gpu != null) {
      gpus.add(gpu);
    }
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
    Sample sample = new Sample(rows);
    rows.clear();
    gpus.clear();
    return sample;
  }

  private static String gpuOf(GpuRow row) {
    for (GpuIdentityField field : List.of(GpuIdentityField.INDEX, GpuIdentityField.UUID, GpuIdentityField.PCI_BUS_ID)) {
      String value = row.identity(field);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  private int gpuCount(GpuRow row) {
    try {
      return Integer.parseInt(row.cell(countColumn));
    } catch (NumberFormatException e) {
      return Integer.MAX_VALUE; // No usable count: the repeat rule ends the sample.
    }
  }
}
