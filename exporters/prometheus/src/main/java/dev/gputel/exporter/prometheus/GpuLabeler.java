package dev.gputel.exporter.prometheus;

import dev.gputel.gpu.GpuIdentityField;
import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.Resource;
import io.prometheus.metrics.model.snapshots.Labels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a point's GPU identity attributes and its batch's resource into Prometheus labels.
 *
 * <p>{@code naming = prometheus}: {@code gpu} (the index), {@code uuid}, {@code model}, {@code
 * pci_bus_id}. {@code naming = dcgm}: dcgm-exporter's {@code gpu}, {@code UUID}, {@code pci_bus_id},
 * {@code device} ({@code nvidia<index>}), {@code modelName}, {@code Hostname} and {@code
 * DCGM_FI_DRIVER_VERSION}. Then the configured resource attributes, dots as underscores; a resource
 * label never replaces a GPU label. Absent attributes add no label.
 */
final class GpuLabeler {
  private final Naming naming;
  private final List<String> resourceAttributes;
  private final String localHostname;

  /** @param localHostname dcgm's {@code Hostname} when the resource has no {@code host.name} */
  GpuLabeler(Naming naming, List<String> resourceAttributes, String localHostname) {
    this.naming = naming;
    this.resourceAttributes = resourceAttributes;
    this.localHostname = localHostname;
  }

  /** Returns the labels every series of this GPU carries. */
  Labels series(Attributes gpu, Resource resource) {
    Map<String, String> labels = new LinkedHashMap<>();
    gpuLabels(labels, gpu, resource);
    resourceLabels(labels, resource);
    return toLabels(labels);
  }

  /** Returns the labels of the GPU's {@code nvidia_gpu_info}: the series labels and the rest of its identity. */
  Labels info(Attributes gpu, Resource resource) {
    Map<String, String> labels = new LinkedHashMap<>();
    gpuLabels(labels, gpu, resource);
    put(labels, "serial", gpu, GpuIdentityField.SERIAL);
    put(labels, "vbios_version", gpu, GpuIdentityField.VBIOS_VERSION);
    if (naming == Naming.PROMETHEUS) {
      put(labels, "driver_version", gpu, GpuIdentityField.DRIVER_VERSION);
    }
    put(labels, "architecture", gpu, GpuIdentityField.ARCHITECTURE);
    put(labels, "mig_mode", gpu, GpuIdentityField.MIG_MODE);
    resourceLabels(labels, resource);
    return toLabels(labels);
  }

  private void gpuLabels(Map<String, String> labels, Attributes gpu, Resource resource) {
    if (naming == Naming.PROMETHEUS) {
      put(labels, "gpu", gpu, GpuIdentityField.INDEX);
      put(labels, "uuid", gpu, GpuIdentityField.UUID);
      put(labels, "model", gpu, GpuIdentityField.NAME);
      put(labels, "pci_bus_id", gpu, GpuIdentityField.PCI_BUS_ID);
      return;
    }
    put(labels, "gpu", gpu, GpuIdentityField.INDEX);
    put(labels, "UUID", gpu, GpuIdentityField.UUID);
    put(labels, "pci_bus_id", gpu, GpuIdentityField.PCI_BUS_ID);
    String index = gpu.getString(GpuIdentityField.INDEX.attribute());
    if (index != null) {
      labels.put("device", "nvidia" + index);
    }
    put(labels, "modelName", gpu, GpuIdentityField.NAME);
    String host = resource.attributes().getString("host.name");
    labels.put("Hostname", host != null ? host : localHostname);
    put(labels, "DCGM_FI_DRIVER_VERSION", gpu, GpuIdentityField.DRIVER_VERSION);
  }

  private void resourceLabels(Map<String, String> labels, Resource resource) {
    for (String key : resourceAttributes) {
      String value = resource.attributes().getString(key);
      if (value != null) {
        labels.putIfAbsent(labelName(key), value);
      }
    }
  }

  /** Returns an attribute key as a label name: every character outside [a-zA-Z0-9_] becomes _. */
  static String labelName(String key) {
    StringBuilder name = new StringBuilder(key.length() + 1);
    if (Character.isDigit(key.charAt(0))) {
      name.append('_');
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      boolean legal = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
      name.append(legal ? c : '_');
    }
    return name.toString();
  }

  private static void put(Map<String, String> labels, String name, Attributes gpu, GpuIdentityField field) {
    String value = gpu.getString(field.attribute());
    if (value != null && !value.isEmpty()) {
      labels.put(name, value);
    }
  }

  private static Labels toLabels(Map<String, String> labels) {
    Labels.Builder builder = Labels.builder();
    labels.forEach(builder::label);
    return builder.build();
  }
}
