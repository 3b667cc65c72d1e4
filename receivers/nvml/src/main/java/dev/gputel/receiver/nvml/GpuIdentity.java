package dev.gputel.receiver.nvml;

import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.gputel.gpu.GpuIdentityField;
import dev.gputel.spi.data.Attributes;
import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.Map;

/**
 * Reads the facts that name a GPU, once per initialisation, into the attributes every point of
 * that GPU carries. A fact the GPU does not report is left out.
 */
final class GpuIdentity {
  // nvmlDeviceArchitecture_t, spelt as nvidia-smi -q prints "Product Architecture".
  private static final Map<Integer, String> ARCHITECTURES = Map.of(
      2, "Kepler", 3, "Maxwell", 4, "Pascal", 5, "Volta", 6, "Turing",
      7, "Ampere", 8, "Ada Lovelace", 9, "Hopper", 10, "Blackwell");

  private final NvmlLibrary nvml;
  private final MemorySegment text;
  private final MemorySegment pci;
  private final MemorySegment out;
  private final MemorySegment out2;

  GpuIdentity(NvmlLibrary nvml, Arena arena) {
    this.nvml = nvml;
    this.text = arena.allocate(Math.max(NvmlLayouts.NAME_BUFFER, NvmlLayouts.UUID_BUFFER));
    this.pci = arena.allocate(NvmlLayouts.PCI_INFO);
    this.out = arena.allocate(JAVA_INT);
    this.out2 = arena.allocate(JAVA_INT);
  }

  /**
   * Returns GPU {@code index}'s attributes.
   *
   * @throws NvmlUnavailableException when the GPU is lost or NVML went away while reading
   */
  Attributes read(MemorySegment device, int index, String driverVersion) throws NvmlUnavailableException {
    Attributes.Builder attributes = Attributes.builder()
        .put(GpuIdentityField.INDEX.attribute(), (long) index)
        .put(GpuIdentityField.UUID.attribute(), string(NvmlFunction.UUID, device, NvmlLayouts.UUID_BUFFER))
        .put(GpuIdentityField.NAME.attribute(), string(NvmlFunction.NAME, device, NvmlLayouts.NAME_BUFFER))
        .put(GpuIdentityField.PCI_BUS_ID.attribute(), busId(device))
        .put(GpuIdentityField.SERIAL.attribute(), string(NvmlFunction.SERIAL, device, NvmlLayouts.SERIAL_BUFFER))
        .put(GpuIdentityField.VBIOS_VERSION.attribute(),
            string(NvmlFunction.VBIOS_VERSION, device, NvmlLayouts.VBIOS_BUFFER))
        .put(GpuIdentityField.DRIVER_VERSION.attribute(), driverVersion);
    if (ok(nvml.call(NvmlFunction.ARCHITECTURE, device, out))) {
      attributes.put(GpuIdentityField.ARCHITECTURE.attribute(), ARCHITECTURES.get(out.get(JAVA_INT, 0)));
    }
    if (ok(nvml.call(NvmlFunction.MIG_MODE, device, out, out2))) {
      attributes.put(GpuIdentityField.MIG_MODE.attribute(), out.get(JAVA_INT, 0) == 1 ? "Enabled" : "Disabled");
    }
    return attributes.build();
  }

  /** Returns the driver version (a system fact every GPU's points carry), or null. */
  String driverVersion() throws NvmlUnavailableException {
    return ok(nvml.call(NvmlFunction.DRIVER_VERSION, text, NvmlLayouts.DRIVER_VERSION_BUFFER)) ? text() : null;
  }

  private String string(NvmlFunction function, MemorySegment device, int length) throws NvmlUnavailableException {
    return ok(nvml.call(function, device, text, length)) ? text() : null;
  }

  private String text() {
    // Never trust a C string to be terminated within its buffer.
    text.set(JAVA_BYTE, text.byteSize() - 1, (byte) 0);
    String value = text.getString(0);
    return value.isEmpty() ? null : value;
  }

  /** The bus id as nvidia-smi prints it (00000000:3B:00.0): v3's busId, or built from v2's numbers. */
  private String busId(MemorySegment device) throws NvmlUnavailableException {
    if (nvml.has(NvmlFunction.PCI_INFO_V3)) {
      if (!ok(nvml.call(NvmlFunction.PCI_INFO_V3, device, pci))) {
        return null;
      }
      pci.set(JAVA_BYTE, pci.byteSize() - 1, (byte) 0);
      return pci.getString(NvmlLayouts.PCI_BUS_ID);
    }
    if (!ok(nvml.call(NvmlFunction.PCI_INFO_V2, device, pci))) {
      return null;
    }
    // NVML_DEVICE_PCI_BUS_ID_FMT
    return "%08X:%02X:%02X.0".formatted(pci.get(JAVA_INT, NvmlLayouts.PCI_DOMAIN),
        pci.get(JAVA_INT, NvmlLayouts.PCI_BUS), pci.get(JAVA_INT, NvmlLayouts.PCI_DEVICE));
  }

  private boolean ok(int result) throws NvmlUnavailableException {
    NvmlReturn code = NvmlReturn.of(result);
    if (code.kind() == NvmlReturn.Kind.LIFECYCLE) {
      throw new NvmlUnavailableException(code, nvml.describe(result) + " (" + code + ")");
    }
    return code == NvmlReturn.SUCCESS;
  }
}
