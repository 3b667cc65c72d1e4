package dev.gputel.receiver.replay;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A parsed {@code nvidia-smi --query-gpu ... --format=csv} capture: the header's fields and the
 * rows, grouped into samples (one row per GPU per sample).
 *
 * <p>Cells are separated by commas and trimmed; a row with another cell count than the header is
 * not CSV output (nvidia-smi prints Xid messages into a loop stream) and is reported, not guessed
 * at. A sample ends where the {@code timestamp} column changes or a GPU {@code index} repeats.
 */
record CsvCapture(List<Column> columns, List<List<Map<String, String>>> samples, List<String> problems) {

  /** One header column: the field name nvidia-smi prints and the unit in its brackets. */
  record Column(String field, String unit) {
    static Column parse(String header) {
      String text = header.trim();
      int bracket = text.lastIndexOf(" [");
      if (bracket > 0 && text.endsWith("]")) {
        return new Column(text.substring(0, bracket), text.substring(bracket + 2, text.length() - 1));
      }
      return new Column(text, "");
    }
  }

  /** Parses a capture; {@code source} names the file in problems. */
  static CsvCapture parse(String source, List<String> lines) {
    List<String> problems = new ArrayList<>();
    int first = 0;
    while (first < lines.size() && lines.get(first).isBlank()) {
      first++;
    }
    if (first == lines.size()) {
      return new CsvCapture(List.of(), List.of(), List.of(source + ": empty, expected a CSV header line"));
    }
    String headerLine = lines.get(first);
    List<Column> columns = split(headerLine).stream().map(Column::parse).toList();
    int timestampColumn = indexOf(columns, "timestamp");
    int indexColumn = indexOf(columns, "index");

    List<List<Map<String, String>>> samples = new ArrayList<>();
    List<Map<String, String>> current = new ArrayList<>();
    Set<String> indexesInSample = new HashSet<>();
    String sampleTimestamp = null;
    for (int i = first + 1; i < lines.size(); i++) {
      String line = lines.get(i);
      if (line.isBlank() || line.equals(headerLine)) {
        continue;
      }
      List<String> cells = split(line);
      if (cells.size() != columns.size()) {
        problems.add(source + ":" + (i + 1) + ": expected " + columns.size() + " cells, found "
            + cells.size() + "; line skipped");
        continue;
      }
      String timestamp = timestampColumn < 0 ? null : cells.get(timestampColumn);
      String index = indexColumn < 0 ? null : cells.get(indexColumn);
      boolean newSample = !current.isEmpty()
          && ((timestamp != null && !timestamp.equals(sampleTimestamp))
              || (index != null && indexesInSample.contains(index))
              || (timestamp == null && index == null));
      if (newSample) {
        samples.add(List.copyOf(current));
        current = new ArrayList<>();
        indexesInSample.clear();
      }
      Map<String, String> row = new LinkedHashMap<>();
      for (int c = 0; c < columns.size(); c++) {
        row.put(columns.get(c).field(), cells.get(c));
      }
      current.add(row);
      sampleTimestamp = timestamp;
      if (index != null) {
        indexesInSample.add(index);
      }
    }
    if (!current.isEmpty()) {
      samples.add(List.copyOf(current));
    }
    return new CsvCapture(columns, List.copyOf(samples), List.copyOf(problems));
  }

  /** Returns the unit of a field as printed in the header, or empty. */
  String unitOf(String field) {
    return columns.stream().filter(c -> c.field().equals(field)).map(Column::unit).findFirst().orElse("");
  }

  private static int indexOf(List<Column> columns, String field) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).field().equals(field)) {
        return i;
      }
    }
    return -1;
  }

  private static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    for (String cell : line.split(",", -1)) {
      cells.add(cell.trim());
    }
    return cells;
  }
}
