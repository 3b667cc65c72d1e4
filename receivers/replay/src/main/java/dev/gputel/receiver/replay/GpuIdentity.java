package dev.gputel.receiver.replay;

import dev.gputel.spi.data.Attributes;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The columns that say which GPU a row is about, and the attribute each becomes. They are never
 * metrics themselves.
 */
final class GpuIdentity {
  private static final Map<String, String> ATTRIBUTES = new LinkedHashMap<>();

  static {
    ATTRIBUTES.put("index", "gpu.index");
    ATTRIBUTES.put("uuid", "hw.id");
    ATTRIBUTES.put("name", "hw.model");
    ATTRIBUTES.put("pci.bus_id", "gpu.pci.bus_id");
    ATTRIBUTES.put("serial", "hw.serial_number");
    ATTRIBUTES.put("vbios_version", "hw.firmware_version");
    ATTRIBUTES.put("driver_version", "gpu.driver.version");
  }

  private GpuIdentity() {}

  static boolean isIdentity(String field) {
    return ATTRIBUTES.containsKey(field) || field.equals("timestamp");
  }

  /** Returns the identity attributes of one CSV row. */
  static Attributes of(Map<String, String> row) {
    Attributes.Builder attributes = Attributes.builder();
    ATTRIBUTES.forEach((field, attribute) -> {
      String cell = row.get(field);
      if (cell != null && !CsvValues.isAbsent(cell)) {
        attributes.put(attribute, field.equals("index") ? (Object) Long.parseLong(cell) : cell);
      }
    });
    return attributes.build();
  }
}
