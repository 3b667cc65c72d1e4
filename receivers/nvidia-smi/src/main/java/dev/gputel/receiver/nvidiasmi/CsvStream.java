package dev.gputel.receiver.nvidiasmi;

import dev.gputel.spi.component.Counter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Sorts the lines of an nvidia-smi {@code --format=csv} stream into the header, data rows and
 * everything else. Columns are matched by position, never by header name: the header prints
 * canonical names with a {@code [unit]} suffix, not the names asked for. A line with another cell
 * count than the query is not a row of it: Xid and ECC messages and blank lines appear in loop
 * streams on Linux; such lines are counted and the last few kept, because when nvidia-smi fails
 * they are its error message.
 */
final class CsvStream {
  private static final int KEEP = 8;

  private final int columns;
  private final Counter linesSkipped;
  private final Deque<String> strayLines = new ArrayDeque<>();
  private String header;

  CsvStream(int columns, Counter linesSkipped) {
    this.columns = columns;
    this.linesSkipped = linesSkipped;
  }

  /** Returns the trimmed cells of a data row, or null for any other line. */
  List<String> accept(String line) {
    if (line.isBlank()) {
      linesSkipped.increment();
      return null;
    }
    List<String> cells = split(line);
    if (cells.size() != columns) {
      linesSkipped.increment();
      if (strayLines.size() == KEEP) {
        strayLines.removeFirst();
      }
      strayLines.addLast(line.strip());
      return null;
    }
    if (header == null) {
      header = line;
      return null;
    }
    return line.equals(header) ? null : cells;
  }

  /** Returns the last lines that were not part of the CSV, oldest first. */
  List<String> strayLines() {
    return List.copyOf(strayLines);
  }

  /** Splits on commas and trims: nvidia-smi neither quotes nor escapes. */
  static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    for (String cell : line.split(",", -1)) {
      cells.add(cell.strip());
    }
    return cells;
  }
}
