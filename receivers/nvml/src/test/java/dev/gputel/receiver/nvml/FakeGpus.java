package dev.gputel.receiver.nvml;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the fake NVML serves for GPU i (the formulas in fake_nvml.c's header), converted to the
 * catalog's units by hand: the expectations the receiver's output must meet exactly.
 */
final class FakeGpus {
  static final String[] BUS_IDS = {
      "00000000:18:00.0", "00000000:2A:00.0", "00000000:3A:00.0", "00000000:5D:00.0",
      "00000000:9A:00.0", "00000000:AB:00.0", "00000000:BA:00.0", "00000000:DB:00.0"};
  private static final long[] CLOCK_REASONS = {0x1, 0x4, 0x8, 0x20, 0x40, 0x80, 0x0, 0xED};

  private FakeGpus() {}

  static String uuid(int i) {
    return "GPU-5f3c2a10-7d4e-4b8a-9c61-%012x".formatted(i);
  }

  /** Every catalog metric the fake answers for GPU i, by id; fan_speed is NOT_SUPPORTED there. */
  static Map<String, Double> values(int i) {
    Map<String, Double> values = new LinkedHashMap<>();
    values.put("utilization_gpu", 10.0 * i);
    values.put("temperature_gpu", 30.0 + i);
    values.put("power_draw", (68123 + 1000 * i) / 1000.0);
    values.put("utilization_memory", 5.0 * i + 1);
    // 85520809984 B is exactly 81559 MiB; used is i*1000 MiB + 12345 B, rounded up as nvidia-smi does.
    values.put("memory_total", 81559.0);
    values.put("memory_used", 1000.0 * i + 1);
    // (85520809984 - 501481472 - i*1000 MiB - 12345 B) = 81080.74 - 1000*i MiB, rounded up.
    values.put("memory_free", 81081.0 - 1000 * i);
    values.put("pcie_link_gen_current", 5.0);
    values.put("pcie_link_width_current", 16.0);
    values.put("encoder_stats_session_count", (double) i);
    values.put("encoder_stats_average_fps", 30.0 * i);
    values.put("encoder_stats_average_latency", 100.0 * i);
    values.put("clocks_current_graphics", 1980.0 - i);
    values.put("clocks_current_sm", 1980.0 - i);
    values.put("clocks_current_memory", 2619.0);
    values.put("clocks_current_video", 1545.0 - i);
    values.put("utilization_encoder", 2.0 * i);
    values.put("utilization_decoder", 3.0 * i);
    // 501481472 B = 478.25 MiB, printed by nvidia-smi as 479.
    values.put("memory_reserved", 479.0);
    values.put("temperature_memory", 40.0 + i);
    values.put("power_draw_average", (67000 + i) / 1000.0);
    values.put("power_draw_instant", (69000 + i) / 1000.0);
    values.put("power_limit", 650.0);
    values.put("enforced_power_limit", 650.0);
    values.put("power_default_limit", 700.0);
    values.put("power_min_limit", 200.0);
    values.put("power_max_limit", 700.0);
    values.put("total_energy_consumption", (123456789 + 1000 * i) / 1000.0);
    long reasons = CLOCK_REASONS[i % 8];
    values.put("clocks_event_reasons_active", (double) reasons);
    values.put("clocks_event_reasons_gpu_idle", (reasons & 0x1) != 0 ? 1.0 : 0.0);
    values.put("clocks_event_reasons_sw_power_cap", (reasons & 0x4) != 0 ? 1.0 : 0.0);
    values.put("clocks_event_reasons_hw_slowdown", (reasons & 0x8) != 0 ? 1.0 : 0.0);
    values.put("clocks_event_reasons_sw_thermal_slowdown", (reasons & 0x20) != 0 ? 1.0 : 0.0);
    values.put("clocks_event_reasons_hw_thermal_slowdown", (reasons & 0x40) != 0 ? 1.0 : 0.0);
    values.put("clocks_event_reasons_hw_power_brake_slowdown", (reasons & 0x80) != 0 ? 1.0 : 0.0);
    values.put("ecc_errors_corrected_volatile_total", (double) i);
    values.put("ecc_errors_uncorrected_volatile_total", 0.0);
    values.put("ecc_errors_corrected_aggregate_total", 2.0 * i);
    values.put("ecc_errors_uncorrected_aggregate_total", 0.0);
    values.put("retired_pages_single_bit_ecc_count", (double) i);
    values.put("retired_pages_double_bit_count", 0.0);
    values.put("retired_pages_pending", 0.0);
    values.put("remapped_rows_correctable", (double) i);
    values.put("remapped_rows_uncorrectable", 0.0);
    values.put("remapped_rows_pending", 0.0);
    values.put("remapped_rows_failure", 0.0);
    values.put("pcie_replay_counter", (double) i);
    return values;
  }
}
