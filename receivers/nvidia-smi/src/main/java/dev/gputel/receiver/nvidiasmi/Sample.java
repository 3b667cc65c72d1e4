package dev.gputel.receiver.nvidiasmi;

import java.util.List;

/**
 * The rows of one nvidia-smi iteration, one per GPU, with the fields of the query that printed
 * them: the query changes when a field is dropped, so a sample carries its own column names.
 */
record Sample(List<String> fields, List<List<String>> rows) {
  Sample {
    fields = List.copyOf(fields);
    rows = List.copyOf(rows);
  }

  /** Returns the cell of {@code field} in {@code row}, or null when the query did not ask for it. */
  String cell(List<String> row, String field) {
    int column = fields.indexOf(field);
    return column < 0 ? null : row.get(column);
  }
}
