package dev.gputel.processor.workloadprofile;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/** The GPU metric catalog as this processor uses it: its ids, and reading an id as a user wrote it. */
final class GpuCatalog {
  /** The CloudWatch agent's metric name prefix; its users write ids with or without it. */
  static final String CLOUDWATCH_PREFIX = "nvidia_smi_";

  // Stand-in until the catalog module lands: the CloudWatch agent's Linux measurement set.
  private static final Set<String> IDS = Set.of(
      "utilization_gpu", "temperature_gpu", "power_draw", "utilization_memory", "fan_speed",
      "memory_total", "memory_used", "memory_free", "pcie_link_gen_current", "pcie_link_width_current",
      "encoder_stats_session_count", "encoder_stats_average_fps", "encoder_stats_average_latency",
      "clocks_current_graphics", "clocks_current_sm", "clocks_current_memory", "clocks_current_video");

  private GpuCatalog() {}

  static Set<String> ids() {
    return IDS;
  }

  static boolean contains(String id) {
    return IDS.contains(id);
  }

  /** Returns the catalog id a user meant by {@code written}, or empty when it names none. */
  static Optional<String> lookup(String written) {
    String id = normalise(written);
    return IDS.contains(id) ? Optional.of(id) : Optional.empty();
  }

  /** Returns {@code written} in lower case without the CloudWatch agent's prefix. */
  static String normalise(String written) {
    String id = written.trim().toLowerCase(Locale.ROOT);
    return id.startsWith(CLOUDWATCH_PREFIX) ? id.substring(CLOUDWATCH_PREFIX.length()) : id;
  }
}
