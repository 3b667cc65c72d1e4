package dev.gputel.gpu;

import java.util.List;
import java.util.function.Consumer;

/**
 * Reads an nvidia-smi {@code --query-gpu --format=csv} stream line by line, with or without the
 * header and units, one-shot or loop, into samples. Blank lines and repeated headers are skipped;
 * any other line that is not a row of the query is reported to the problem consumer and skipped.
 */
public final class SmiCsvStream {

  /** A line that was not read, by its 1-based number. */
  public record Problem(long line, String reason) {
    @Override
    public String toString() {
      return "line " + line + ": " + reason;
    }
  }

  private final List<String> expectedFields;
  private final Consumer<Problem> problems;
  private final SmiSampler sampler = new SmiSampler();
  private SmiColumns columns;
  private String headerLine;
  private long lineNumber;

  /**
   * @param fields the columns when the stream may have no header, as asked for with {@code
   *     --query-gpu} (aliases allowed); empty when the stream starts with its header
   * @param problems told about each line that is skipped
   */
  public SmiCsvStream(List<String> fields, Consumer<Problem> problems) {
    this.expectedFields = fields.stream().map(SmiFields::canonical).toList();
    this.problems = problems;
    this.columns = fields.isEmpty() ? null : SmiColumns.of(fields);
  }

  /**
   * Reads the next line; returns the sample it ended, or an empty list.
   *
   * @throws IllegalArgumentException when the stream has no header and no fields were given, or
   *     its header names other columns than the fields given
   */
  public List<GpuRow> line(String text) {
    lineNumber++;
    if (text.isBlank() || text.equals(headerLine)) {
      return List.of();
    }
    if (headerLine == null && SmiColumns.isHeader(text)) {
      return header(text);
    }
    if (columns == null) {
      throw new IllegalArgumentException("line " + lineNumber
          + ": expected a CSV header (as printed by --format=csv); for output without one, name the columns with --fields");
    }
    GpuRow row = columns.read(text);
    if (row == null) {
      problems.accept(new Problem(lineNumber, "not a row of " + columns.size() + " cells matching the columns; skipped"));
      return List.of();
    }
    return sampler.add(row);
  }

  /** Returns the last sample; call at the end of the stream. */
  public List<GpuRow> end() {
    return sampler.flush();
  }

  private List<GpuRow> header(String text) {
    SmiColumns named = SmiColumns.ofHeader(text);
    if (!expectedFields.isEmpty() && !named.fields().equals(expectedFields)) {
      throw new IllegalArgumentException("line " + lineNumber + ": the header names " + named.fields()
          + " but the columns given are " + expectedFields);
    }
    headerLine = text;
    columns = named;
    return List.of();
  }
}
