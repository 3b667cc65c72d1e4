package dev.gputel.processor.workloadprofile;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** A named set of GPU catalog ids that one kind of workload needs. */
enum Profile {
  /** Machine learning and HPC: how busy the GPU and its memory are, power, and SM/memory clocks. */
  COMPUTE(Set.of("utilization_gpu", "power_draw", "utilization_memory", "memory_total", "memory_used",
      "memory_free", "pcie_link_gen_current", "pcie_link_width_current", "clocks_current_sm",
      "clocks_current_memory")),
  /** Rendering, streaming and virtual desktops: utilisation, memory, encoder sessions and clocks. */
  GRAPHICS(Set.of("utilization_gpu", "utilization_memory", "memory_total", "memory_used", "memory_free",
      "pcie_link_gen_current", "pcie_link_width_current", "encoder_stats_session_count",
      "encoder_stats_average_fps", "encoder_stats_average_latency", "clocks_current_graphics",
      "clocks_current_memory", "clocks_current_video")),
  /** Every metric of the catalog. */
  FULL(null),
  /** Nothing but what {@code include-metrics} lists. */
  CUSTOM(Set.of());

  private final Set<String> ids;

  Profile(Set<String> ids) {
    this.ids = ids;
  }

  /** Returns the catalog ids of this profile. */
  Set<String> ids() {
    return ids == null ? GpuCatalog.ids() : ids;
  }

  /** Returns the profile's name as configured. */
  String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<Profile> byId(String id) {
    return Arrays.stream(values()).filter(p -> p.id().equals(id.trim().toLowerCase(Locale.ROOT))).findFirst();
  }
}
