package dev.gputel.gpu;

import java.util.Arrays;
import java.util.Optional;

/**
 * The facts that say which GPU a value is about. Receivers put them on every point as attributes;
 * they are never metrics themselves. CloudWatch dimensions default to the CloudWatch agent's set
 * ({@code index}, {@code name}, {@code arch}, plus {@code host}) so existing dashboards keep working.
 */
public enum GpuIdentityField {
  //                nvidia-smi field     attribute               CloudWatch dimension  NVML
  INDEX(            "index",             "gpu.index",            "index",      "nvmlDeviceGetHandleByIndex_v2 position"),
  UUID(             "uuid",              "hw.id",                "uuid",       "nvmlDeviceGetUUID"),
  NAME(             "name",              "hw.model",             "name",       "nvmlDeviceGetName"),
  PCI_BUS_ID(       "pci.bus_id",        "gpu.pci.bus_id",       "pci_bus_id", "nvmlDeviceGetPciInfo_v3: busId"),
  SERIAL(           "serial",            "hw.serial_number",     "serial",     "nvmlDeviceGetSerial"),
  VBIOS_VERSION(    "vbios_version",     "hw.firmware_version",  "vbios",      "nvmlDeviceGetVbiosVersion"),
  DRIVER_VERSION(   "driver_version",    "gpu.driver.version",   "driver",     "nvmlSystemGetDriverVersion"),
  ARCHITECTURE(     null,                "gpu.architecture",     "arch",       "nvmlDeviceGetArchitecture"),
  MIG_MODE(         "mig.mode.current",  "gpu.mig.mode",         "mig_mode",   "nvmlDeviceGetMigMode: current");

  private final String smiField;
  private final String attribute;
  private final String cloudWatchDimension;
  private final String nvml;

  GpuIdentityField(String smiField, String attribute, String cloudWatchDimension, String nvml) {
    this.smiField = smiField;
    this.attribute = attribute;
    this.cloudWatchDimension = cloudWatchDimension;
    this.nvml = nvml;
  }

  /** Returns the canonical {@code --query-gpu} field, or null when nvidia-smi cannot report it. */
  public String smiField() {
    return smiField;
  }

  /** Returns the point attribute key; {@link #INDEX} carries a long, the others strings. */
  public String attribute() {
    return attribute;
  }

  public String cloudWatchDimension() {
    return cloudWatchDimension;
  }

  public String nvml() {
    return nvml;
  }

  /** Finds the identity field a {@code --query-gpu} field (canonical name or alias) reports. */
  public static Optional<GpuIdentityField> bySmiField(String field) {
    String canonical = SmiFields.canonical(field);
    return Arrays.stream(values()).filter(f -> canonical.equals(f.smiField)).findFirst();
  }
}
