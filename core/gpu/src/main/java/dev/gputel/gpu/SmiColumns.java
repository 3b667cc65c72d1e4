package dev.gputel.gpu;

import java.util.ArrayList;
import java.util.List;

/**
 * The columns of an nvidia-smi {@code --query-gpu} CSV, in order, and what each one holds: a
 * catalog metric, an identity field, the timestamp, or something gputel does not use. Rows are
 * matched by position, never by header name, because the header prints canonical names rather than
 * the aliases that were asked for.
 */
public final class SmiColumns {
  private final List<String> fields;
  private final GpuMetric[] metrics;
  private final GpuIdentityField[] identities;
  private final int timestampColumn;

  private SmiColumns(List<String> fields) {
    this.fields = List.copyOf(fields);
    this.metrics = new GpuMetric[fields.size()];
    this.identities = new GpuIdentityField[fields.size()];
    int timestamp = -1;
    for (int i = 0; i < fields.size(); i++) {
      String field = fields.get(i);
      metrics[i] = GpuMetric.bySmiField(field).orElse(null);
      identities[i] = GpuIdentityField.bySmiField(field).orElse(null);
      if (field.equals("timestamp")) {
        timestamp = i;
      }
    }
    this.timestampColumn = timestamp;
  }

  /** Returns the columns for fields as asked for ({@code clocks.gr}) or as printed ({@code clocks.current.graphics [MHz]}). */
  public static SmiColumns of(List<String> fields) {
    return new SmiColumns(fields.stream().map(SmiFields::canonical).toList());
  }

  /** Returns the columns a header line names. */
  public static SmiColumns ofHeader(String headerLine) {
    return of(split(headerLine));
  }

  /** Returns true when the line is a header naming at least one field gputel knows. */
  public static boolean isHeader(String line) {
    for (String cell : split(line)) {
      String field = SmiFields.canonical(cell);
      if (field.equals("timestamp") || GpuMetric.bySmiField(field).isPresent()
          || GpuIdentityField.bySmiField(field).isPresent()) {
        return true;
      }
    }
    return false;
  }

  /** Returns the canonical field names in column order. */
  public List<String> fields() {
    return fields;
  }

  public int size() {
    return fields.size();
  }

  /** Returns the metric column {@code i} reports, or null. */
  public GpuMetric metric(int i) {
    return metrics[i];
  }

  /** Returns the identity field column {@code i} holds, or null. */
  public GpuIdentityField identity(int i) {
    return identities[i];
  }

  int timestampColumn() {
    return timestampColumn;
  }

  /**
   * Reads a data line, or returns null when it is not a row of this query: another number of cells
   * than there are columns, or text where a metric or the index should be a number. Loop streams
   * carry Xid messages and blank lines; no guess is made about which cell is which.
   */
  public GpuRow read(String line) {
    int[] bounds = bounds(line, fields.size());
    if (bounds == null) {
      return null;
    }
    double[] values = new double[fields.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = Double.NaN;
      if (metrics[i] != null || identities[i] == GpuIdentityField.INDEX) {
        int from = bounds[2 * i];
        int to = bounds[2 * i + 1];
        values[i] = SmiCells.number(line, from, to);
        if (Double.isNaN(values[i]) && !SmiCells.isAbsent(line, from, to)) {
          return null;
        }
      }
    }
    return new GpuRow(this, line, bounds, values);
  }

  /**
   * Returns the start and end of each trimmed cell, or null when the line does not have exactly
   * {@code count} cells. Offsets, not substrings: most cells are numbers parsed in place.
   */
  private static int[] bounds(String line, int count) {
    int[] bounds = new int[2 * count];
    int length = line.length();
    int start = 0;
    int cell = 0;
    while (start <= length) {
      if (cell == count) {
        return null;
      }
      int end = line.indexOf(',', start);
      if (end < 0) {
        end = length;
      }
      int from = start;
      int to = end;
      while (from < to && line.charAt(from) <= ' ') {
        from++;
      }
      while (to > from && line.charAt(to - 1) <= ' ') {
        to--;
      }
      bounds[2 * cell] = from;
      bounds[2 * cell + 1] = to;
      cell++;
      start = end + 1;
    }
    return cell == count ? bounds : null;
  }

  /** Splits on commas and trims each cell; nvidia-smi neither quotes nor escapes. */
  static List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    for (String cell : line.split(",", -1)) {
      cells.add(cell.strip());
    }
    return cells;
  }
}
