package dev.gputel.gpu;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * nvidia-smi's {@code --query-gpu} field names: the aliases it accepts and the canonical names it
 * prints in the CSV header ({@code clocks.gr} is asked for, {@code clocks.current.graphics [MHz]}
 * comes back), per {@code nvidia-smi --help-query-gpu}.
 */
public final class SmiFields {
  private static final Map<String, String> CANONICAL = Map.ofEntries(
      Map.entry("gpu_name", "name"),
      Map.entry("gpu_serial", "serial"),
      Map.entry("gpu_uuid", "uuid"),
      Map.entry("gpu_bus_id", "pci.bus_id"),
      Map.entry("clocks.gr", "clocks.current.graphics"),
      Map.entry("clocks.sm", "clocks.current.sm"),
      Map.entry("clocks.mem", "clocks.current.memory"),
      Map.entry("clocks.video", "clocks.current.video"),
      Map.entry("gpu.power.draw", "power.draw"),
      Map.entry("gpu.power.draw.average", "power.draw.average"),
      Map.entry("gpu.power.draw.instant", "power.draw.instant"),
      Map.entry("gpu.power.requested_limit", "power.limit"),
      Map.entry("gpu.power.current_limit", "enforced.power.limit"),
      Map.entry("gpu.power.default_limit", "power.default_limit"),
      Map.entry("gpu.power.min_limit", "power.min_limit"),
      Map.entry("gpu.power.max_limit", "power.max_limit"),
      Map.entry("retired_pages.sbe", "retired_pages.single_bit_ecc.count"),
      Map.entry("retired_pages.dbe", "retired_pages.double_bit.count"),
      Map.entry("remapped_rows.sbe", "remapped_rows.correctable"),
      Map.entry("remapped_rows.dbe", "remapped_rows.uncorrectable"),
      Map.entry("gpu_operation_mode.current", "gom.current"),
      Map.entry("gpu_operation_mode.pending", "gom.pending"),
      Map.entry("inforom.image", "inforom.img"),
      Map.entry("inforom.power", "inforom.pwr"));
  private static final String OLD_EVENT_REASONS = "clocks_throttle_reasons.";
  private static final Pattern CAMEL = Pattern.compile("([a-z0-9])([A-Z])");

  private SmiFields() {}

  /**
   * Returns the canonical name of a field as asked for or as printed in a header: aliases resolved,
   * a trailing {@code [unit]} removed, {@code clocks_throttle_reasons.*} renamed to today's {@code
   * clocks_event_reasons.*}.
   */
  public static String canonical(String field) {
    String name = field.strip();
    int unit = name.lastIndexOf(" [");
    if (unit > 0 && name.endsWith("]")) {
      name = name.substring(0, unit);
    }
    if (name.startsWith(OLD_EVENT_REASONS)) {
      name = "clocks_event_reasons." + name.substring(OLD_EVENT_REASONS.length());
    }
    return CANONICAL.getOrDefault(name, name);
  }

  /** Returns the metric-style name of a field: {@code encoder.stats.sessionCount} is {@code encoder_stats_session_count}. */
  public static String metricName(String field) {
    return CAMEL.matcher(canonical(field)).replaceAll("$1_$2").replace('.', '_').toLowerCase(Locale.ROOT);
  }
}
