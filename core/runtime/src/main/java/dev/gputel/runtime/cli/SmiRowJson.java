package dev.gputel.runtime.cli;

import dev.gputel.gpu.GpuIdentityField;
import dev.gputel.gpu.GpuMetric;
import dev.gputel.gpu.GpuRow;

/**
 * One GPU row as the JSON object {@code gputel nvidia-smi parse} prints: {@code {"gpu": {"index",
 * "name", "uuid", "pci_bus_id"}, "metrics": {"<catalog id>": value}}}, absent values left out.
 */
final class SmiRowJson {
  private SmiRowJson() {}

  /** Renders a row; {@code position} (within its sample) stands in for a missing index. */
  static String render(GpuRow row, int position) {
    StringBuilder json = new StringBuilder(256).append("{\"gpu\": {\"index\": ");
    String index = row.identity(GpuIdentityField.INDEX);
    json.append(index == null ? Integer.toString(position) : number(Double.parseDouble(index)));
    text(json, "name", row.identity(GpuIdentityField.NAME));
    text(json, "uuid", row.identity(GpuIdentityField.UUID));
    text(json, "pci_bus_id", row.identity(GpuIdentityField.PCI_BUS_ID));
    json.append("}, \"metrics\": {");
    String separator = "";
    for (int i = 0; i < row.columns().size(); i++) {
      GpuMetric metric = row.columns().metric(i);
      if (metric != null && !Double.isNaN(row.value(i))) {
        json.append(separator).append('"').append(metric.id()).append("\": ").append(number(row.value(i)));
        separator = ", ";
      }
    }
    return json.append("}}").toString();
  }

  private static void text(StringBuilder json, String key, String value) {
    if (value != null) {
      json.append(", \"").append(key).append("\": ");
      JsonText.string(json, value);
    }
  }

  /** Prints whole numbers without a fraction, as nvidia-smi does ({@code 81559}, {@code 69.85}). */
  static String number(double value) {
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }
}
