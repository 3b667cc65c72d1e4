package dev.gputel.processor.workloadprofile;

import dev.gputel.gpu.GpuMetric;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The GPU metric catalog as this processor uses it: its ids, and reading an id as a user wrote it. */
final class GpuCatalog {
  private static final String CLOUDWATCH_PREFIX = "nvidia_smi_";
  private static final Set<String> IDS =
      Arrays.stream(GpuMetric.values()).map(GpuMetric::id).collect(Collectors.toUnmodifiableSet());

  private GpuCatalog() {}

  static Set<String> ids() {
    return IDS;
  }

  /** Returns the catalog id a user meant by {@code written}, or empty when it names none. */
  static Optional<String> lookup(String written) {
    return GpuMetric.byId(normalise(written)).map(GpuMetric::id);
  }

  /**
   * Returns {@code written} in lower case without the CloudWatch agent's prefix: its users write
   * ids either way, and a typo should be matched against the bare ids.
   */
  static String normalise(String written) {
    String id = written.trim().toLowerCase(Locale.ROOT);
    return id.startsWith(CLOUDWATCH_PREFIX) ? id.substring(CLOUDWATCH_PREFIX.length()) : id;
  }
}
