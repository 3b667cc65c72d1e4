package dev.gputel.gpu;

import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.MetricPoint;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** One GPU's row of an nvidia-smi {@code --query-gpu} CSV. */
public final class GpuRow {
  private final SmiColumns columns;
  private final String line;
  private final int[] bounds;
  private final double[] values;

  GpuRow(SmiColumns columns, String line, int[] bounds, double[] values) {
    this.columns = columns;
    this.line = line;
    this.bounds = bounds;
    this.values = values;
  }

  public SmiColumns columns() {
    return columns;
  }

  /** Returns the cell of column {@code i} as printed, trimmed. */
  public String cell(int i) {
    return line.substring(bounds[2 * i], bounds[2 * i + 1]);
  }

  /** Returns the timestamp cell, or null when the query has none. */
  public String timestamp() {
    return columns.timestampColumn() < 0 ? null : cell(columns.timestampColumn());
  }

  /** Returns an identity field's value, or null when the query lacks it or the cell is absent. */
  public String identity(GpuIdentityField field) {
    for (int i = 0; i < values.length; i++) {
      if (columns.identity(i) == field) {
        String cell = cell(i);
        return SmiCells.isAbsent(cell) ? null : cell;
      }
    }
    return null;
  }

  /** Returns what tells this GPU apart from the others in a sample: index, else UUID, else bus id. */
  String key() {
    for (GpuIdentityField field : List.of(GpuIdentityField.INDEX, GpuIdentityField.UUID, GpuIdentityField.PCI_BUS_ID)) {
      String value = identity(field);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /** Returns the identity attributes this row has; {@code gpu.index} is a long. */
  public Attributes attributes() {
    Attributes.Builder attributes = Attributes.builder();
    for (int i = 0; i < values.length; i++) {
      GpuIdentityField field = columns.identity(i);
      if (field == null || SmiCells.isAbsent(line, bounds[2 * i], bounds[2 * i + 1])) {
        continue;
      }
      if (field == GpuIdentityField.INDEX) {
        attributes.put(field.attribute(), (long) values[i]);
      } else {
        attributes.put(field.attribute(), cell(i));
      }
    }
    return attributes.build();
  }

  /** Returns the value of a metric or index column, or NaN when it is absent. */
  public double value(int i) {
    return values[i];
  }

  /**
   * Returns one point per catalog metric with a value, in column order, each carrying {@code
   * attributes}; metrics {@code wanted} rejects are left out.
   */
  public List<MetricPoint> points(Instant time, Attributes attributes, Predicate<GpuMetric> wanted) {
    List<MetricPoint> points = new ArrayList<>();
    for (int i = 0; i < values.length; i++) {
      GpuMetric metric = columns.metric(i);
      if (metric == null || !wanted.test(metric)) {
        continue;
      }
      double value = value(i);
      if (!Double.isNaN(value)) {
        points.add(new MetricPoint(metric.id(), value, metric.unit().ucum(), metric.kind(), time, attributes));
      }
    }
    return points;
  }
}
