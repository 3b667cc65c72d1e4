package dev.gputel.receiver.replay;

import dev.gputel.gpu.GpuRow;
import dev.gputel.gpu.SmiColumns;
import dev.gputel.gpu.SmiCsvStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed {@code nvidia-smi --query-gpu ... --format=csv} capture: its columns and its rows,
 * grouped into samples (one row per GPU per sample). Lines that are not rows are reported as
 * problems, not guessed at.
 */
record CsvCapture(SmiColumns columns, List<List<GpuRow>> samples, List<String> problems) {

  /** Parses a capture; {@code source} names the file in problems. */
  static CsvCapture parse(String source, List<String> lines) {
    List<String> problems = new ArrayList<>();
    SmiCsvStream stream = new SmiCsvStream(List.of(), problem -> problems.add(source + ": " + problem));
    List<List<GpuRow>> samples = new ArrayList<>();
    try {
      for (String line : lines) {
        add(samples, stream.line(line));
      }
      add(samples, stream.end());
    } catch (IllegalArgumentException e) {
      problems.add(source + ": " + e.getMessage());
    }
    if (samples.isEmpty() && problems.isEmpty()) {
      problems.add(source + ": no rows, expected a CSV header line and rows");
    }
    SmiColumns columns = samples.isEmpty() ? SmiColumns.of(List.of()) : samples.getFirst().getFirst().columns();
    return new CsvCapture(columns, List.copyOf(samples), List.copyOf(problems));
  }

  private static void add(List<List<GpuRow>> samples, List<GpuRow> sample) {
    if (!sample.isEmpty()) {
      samples.add(sample);
    }
  }
}
