package dev.gputel.xid;

import java.util.Objects;

/**
 * Where a kernel line says the fault happened: the device as printed and, when it is an address, the
 * same address normalised; on MIG lines also the GPU instance and compute instance.
 *
 * @param printed the id exactly as the line prints it, without {@code PCI:} ({@code 0000:3b:00},
 *     {@code 0003:00}, or a poster's {@code ...})
 * @param busId the normalised address, or null when {@code printed} is not one
 * @param gpuInstance the MIG GPU instance ({@code GPU-I:nn}), or null
 * @param computeInstance the MIG compute instance ({@code GPU-CI:nn}), or null
 */
public record GpuLocation(String printed, PciBusId busId, Integer gpuInstance, Integer computeInstance) {

  public GpuLocation {
    Objects.requireNonNull(printed, "printed");
  }

  /** Returns the location of a device printed as {@code printed}, parsing it when it is an address. */
  public static GpuLocation of(String printed) {
    return new GpuLocation(printed, PciBusId.parse(printed), null, null);
  }
}
