package dev.gputel.receiver.nvidiasmi;

import dev.gputel.gpu.GpuRow;
import dev.gputel.gpu.SmiColumns;
import dev.gputel.spi.component.Counter;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Sorts the lines of an nvidia-smi {@code --format=csv} stream into the header, data rows and
 * everything else. Columns are matched by position ({@link SmiColumns}), never by header name: the
 * header prints canonical names with a {@code [unit]} suffix, not the names asked for. A line that
 * is not a row of the query is skipped and counted: Xid and ECC messages and blank lines appear in
 * loop streams on Linux. The last few are kept, because when nvidia-smi fails they are its error
 * message.
 */
final class CsvStream {
  private static final int KEEP = 8;

  private final SmiColumns columns;
  private final Counter linesSkipped;
  private final Deque<String> strayLines = new ArrayDeque<>();
  private String header;

  CsvStream(SmiColumns columns, Counter linesSkipped) {
    this.columns = columns;
    this.linesSkipped = linesSkipped;
  }

  /** Returns the line as a row of the query, or null for the header and any other line. */
  GpuRow accept(String line) {
    if (header == null && SmiColumns.isHeader(line) && columns.size() == SmiColumns.ofHeader(line).size()) {
      header = line;
      return null;
    }
    GpuRow row = line.equals(header) ? null : columns.read(line);
    if (row == null && !line.equals(header)) {
      linesSkipped.increment();
      if (!line.isBlank()) {
        if (strayLines.size() == KEEP) {
          strayLines.removeFirst();
        }
        strayLines.addLast(line.strip());
      }
    }
    return row;
  }

  /** Returns the last lines that were not part of the CSV, oldest first. */
  List<String> strayLines() {
    return List.copyOf(strayLines);
  }
}
