package dev.gputel.xid;

import java.util.Objects;

/**
 * Which GPU sits at a PCI address: what an Xid line lacks and a dashboard needs.
 *
 * @param index the GPU's index as nvidia-smi numbers it, or null
 * @param uuid the GPU's UUID, {@code GPU-...}, or null
 * @param name the product name, or null
 */
public record GpuIdentity(PciBusId busId, Long index, String uuid, String name) {

  public GpuIdentity {
    Objects.requireNonNull(busId, "busId");
  }

  /** Returns this identity with the fields {@code other} knows and this one does not. */
  public GpuIdentity fillFrom(GpuIdentity other) {
    if (other == null) {
      return this;
    }
    return new GpuIdentity(busId, index != null ? index : other.index, uuid != null ? uuid : other.uuid,
        name != null ? name : other.name);
  }
}
