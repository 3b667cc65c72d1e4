package dev.gputel.xid;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A catalog data file: {@code # key<TAB>value} metadata lines, one header line naming the columns,
 * then one tab-separated row per code. A malformed file is a build defect, so it fails loudly with
 * the file and line.
 */
record CatalogTable(String name, Map<String, String> metadata, List<String> header, List<Row> rows) {

  /** One data row and its line number in the file. */
  record Row(int line, List<String> cells) {
    String cell(int column) {
      return column < cells.size() ? cells.get(column) : "";
    }
  }

  static CatalogTable read(String resource) {
    InputStream in = CatalogTable.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("catalog " + resource + " is missing from the class path");
    }
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      Map<String, String> metadata = new LinkedHashMap<>();
      List<String> header = null;
      List<Row> rows = new ArrayList<>();
      String text;
      int number = 0;
      while ((text = reader.readLine()) != null) {
        number++;
        if (text.isBlank()) {
          continue;
        }
        if (text.startsWith("#")) {
          int tab = text.indexOf('\t');
          if (tab > 0) {
            metadata.put(text.substring(1, tab).strip(), text.substring(tab + 1).strip());
          }
        } else if (header == null) {
          header = List.of(text.split("\t", -1));
        } else {
          rows.add(new Row(number, List.of(text.split("\t", -1))));
        }
      }
      if (header == null) {
        throw new IllegalStateException("catalog " + resource + " has no header line");
      }
      return new CatalogTable(resource, Map.copyOf(metadata), header, List.copyOf(rows));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read catalog " + resource, e);
    }
  }

  /** Returns the index of a column the header must name. */
  int column(String column) {
    int index = header.indexOf(column);
    if (index < 0) {
      throw new IllegalStateException("catalog " + name + " has no column '" + column + "' in its header " + header);
    }
    return index;
  }

  /** Returns a metadata value the file must carry. */
  String required(String key) {
    String value = metadata.get(key);
    if (value == null || value.isEmpty()) {
      throw new IllegalStateException("catalog " + name + " has no '# " + key + "' line");
    }
    return value;
  }

  IllegalStateException problem(Row row, String message) {
    return new IllegalStateException("catalog " + name + ", line " + row.line() + ": " + message);
  }
}
