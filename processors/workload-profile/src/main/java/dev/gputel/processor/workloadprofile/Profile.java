package dev.gputel.processor.workloadprofile;

import static dev.gputel.gpu.GpuMetric.CLOCKS_CURRENT_GRAPHICS;
import static dev.gputel.gpu.GpuMetric.CLOCKS_CURRENT_MEMORY;
import static dev.gputel.gpu.GpuMetric.CLOCKS_CURRENT_SM;
import static dev.gputel.gpu.GpuMetric.CLOCKS_CURRENT_VIDEO;
import static dev.gputel.gpu.GpuMetric.ENCODER_STATS_AVERAGE_FPS;
import static dev.gputel.gpu.GpuMetric.ENCODER_STATS_AVERAGE_LATENCY;
import static dev.gputel.gpu.GpuMetric.ENCODER_STATS_SESSION_COUNT;
import static dev.gputel.gpu.GpuMetric.MEMORY_FREE;
import static dev.gputel.gpu.GpuMetric.MEMORY_TOTAL;
import static dev.gputel.gpu.GpuMetric.MEMORY_USED;
import static dev.gputel.gpu.GpuMetric.PCIE_LINK_GEN_CURRENT;
import static dev.gputel.gpu.GpuMetric.PCIE_LINK_WIDTH_CURRENT;
import static dev.gputel.gpu.GpuMetric.POWER_DRAW;
import static dev.gputel.gpu.GpuMetric.UTILIZATION_GPU;
import static dev.gputel.gpu.GpuMetric.UTILIZATION_MEMORY;

import dev.gputel.gpu.GpuMetric;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A named set of GPU catalog metrics that one kind of workload needs. */
enum Profile {
  /** Machine learning and HPC: how busy the GPU and its memory are, power, and SM/memory clocks. */
  COMPUTE(EnumSet.of(UTILIZATION_GPU, POWER_DRAW, UTILIZATION_MEMORY, MEMORY_TOTAL, MEMORY_USED, MEMORY_FREE,
      PCIE_LINK_GEN_CURRENT, PCIE_LINK_WIDTH_CURRENT, CLOCKS_CURRENT_SM, CLOCKS_CURRENT_MEMORY)),
  /** Rendering, streaming and virtual desktops: utilisation, memory, encoder sessions and clocks. */
  GRAPHICS(EnumSet.of(UTILIZATION_GPU, UTILIZATION_MEMORY, MEMORY_TOTAL, MEMORY_USED, MEMORY_FREE,
      PCIE_LINK_GEN_CURRENT, PCIE_LINK_WIDTH_CURRENT, ENCODER_STATS_SESSION_COUNT, ENCODER_STATS_AVERAGE_FPS,
      ENCODER_STATS_AVERAGE_LATENCY, CLOCKS_CURRENT_GRAPHICS, CLOCKS_CURRENT_MEMORY, CLOCKS_CURRENT_VIDEO)),
  /** Every metric of the catalog. */
  FULL(EnumSet.allOf(GpuMetric.class)),
  /** Nothing but what {@code include-metrics} lists. */
  CUSTOM(EnumSet.noneOf(GpuMetric.class));

  private final Set<String> ids;

  Profile(Set<GpuMetric> metrics) {
    this.ids = metrics.stream().map(GpuMetric::id).collect(Collectors.toUnmodifiableSet());
  }

  /** Returns the catalog ids of this profile. */
  Set<String> ids() {
    return ids;
  }

  /** Returns the profile's name as configured. */
  String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  static Optional<Profile> byId(String id) {
    return Arrays.stream(values()).filter(p -> p.id().equals(id.trim().toLowerCase(Locale.ROOT))).findFirst();
  }
}
