package dev.gputel.receiver.nvidiasmi;

import dev.gputel.gpu.GpuIdentityField;
import dev.gputel.gpu.GpuRow;
import dev.gputel.spi.data.Attributes;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The identity attributes of each GPU by PCI bus id, from the latest {@code --query-gpu} sample.
 * The remapped-rows query reports only a bus id; looking it up here gives its points the same
 * attributes (index, UUID, model...) as the GPU's other metrics.
 */
final class GpuDirectory {
  private volatile Map<String, Attributes> byBusId = Map.of();

  void update(Sample sample) {
    Map<String, Attributes> gpus = new HashMap<>();
    for (GpuRow row : sample.rows()) {
      String busId = row.identity(GpuIdentityField.PCI_BUS_ID);
      if (busId != null) {
        gpus.put(normalize(busId), row.attributes());
      }
    }
    byBusId = Map.copyOf(gpus);
  }

  /** Returns the attributes of the GPU at {@code busId}; only the bus id when no sample named it yet. */
  Attributes of(String busId) {
    Attributes known = byBusId.get(normalize(busId));
    return known != null ? known : Attributes.of(GpuIdentityField.PCI_BUS_ID.attribute(), busId);
  }

  /** Makes {@code 0000:3B:00.0} and {@code 00000000:3b:00.0} the same key: one domain width, one case. */
  static String normalize(String busId) {
    String id = busId.strip().toLowerCase(Locale.ROOT);
    int colon = id.indexOf(':');
    if (colon >= 0 && colon < 8 && id.indexOf(':', colon + 1) > 0) {
      id = "0".repeat(8 - colon) + id;
    }
    return id;
  }
}
