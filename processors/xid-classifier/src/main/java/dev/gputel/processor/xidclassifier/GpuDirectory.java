package dev.gputel.processor.xidclassifier;

import dev.gputel.xid.GpuIdentity;
import dev.gputel.xid.GpuIdentitySource;
import dev.gputel.xid.PciBusId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which GPU sits at a PCI address, from three sources in order: what the driver's {@code GPU at
 * PCI:...: GPU-<uuid>} lines taught this processor (the driver's word for this boot), the {@code
 * gpus} setting, and an outside {@link GpuIdentitySource} (a GPU metrics receiver). Each fills only
 * what the ones before it lack.
 */
final class GpuDirectory {
  /** More GPUs than any host has; beyond it nothing more is learned (garbage lines cannot grow it). */
  private static final int MAX_LEARNED = 256;

  private final Map<PciBusId, GpuIdentity> configured;
  private final GpuIdentitySource outside;
  private final Map<PciBusId, GpuIdentity> learned = new ConcurrentHashMap<>();

  GpuDirectory(List<GpuIdentity> configured, GpuIdentitySource outside) {
    this.configured = Map.copyOf(configured.stream().collect(
        java.util.stream.Collectors.toMap(gpu -> function0(gpu.busId()), gpu -> gpu, GpuIdentity::fillFrom)));
    this.outside = outside;
  }

  /** Records the UUID a {@code GPU at PCI} line announces. */
  void learn(PciBusId busId, String uuid) {
    PciBusId key = function0(busId);
    if (learned.size() < MAX_LEARNED || learned.containsKey(key)) {
      learned.put(key, new GpuIdentity(key, null, uuid, null));
    }
  }

  /** Returns what is known about the GPU at {@code busId}, or null. */
  GpuIdentity find(PciBusId busId) {
    PciBusId key = function0(busId);
    GpuIdentity identity = learned.get(key);
    GpuIdentity fromConfig = configured.get(key);
    identity = identity == null ? fromConfig : identity.fillFrom(fromConfig);
    if (identity == null || identity.index() == null || identity.uuid() == null || identity.name() == null) {
      GpuIdentity fromOutside = outside.find(key);
      identity = identity == null ? fromOutside : identity.fillFrom(fromOutside);
    }
    return identity;
  }

  /** A GPU is function 0; Xid lines print no function, NVML does. */
  private static PciBusId function0(PciBusId busId) {
    return busId.function() == 0 ? busId : new PciBusId(busId.domain(), busId.bus(), busId.device(), 0);
  }
}
