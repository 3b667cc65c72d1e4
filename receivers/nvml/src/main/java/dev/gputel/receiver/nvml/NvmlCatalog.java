package dev.gputel.receiver.nvml;

import static dev.gputel.receiver.nvml.NvmlLayouts.MEMORY_FREE;
import static dev.gputel.receiver.nvml.NvmlLayouts.MEMORY_TOTAL;
import static dev.gputel.receiver.nvml.NvmlLayouts.MEMORY_USED;
import static dev.gputel.receiver.nvml.NvmlLayouts.MEMORY_V2_FREE;
import static dev.gputel.receiver.nvml.NvmlLayouts.MEMORY_V2_RESERVED;
import static dev.gputel.receiver.nvml.NvmlLayouts.MEMORY_V2_TOTAL;
import static dev.gputel.receiver.nvml.NvmlLayouts.MEMORY_V2_USED;
import static dev.gputel.receiver.nvml.NvmlLayouts.UTILIZATION_GPU;
import static dev.gputel.receiver.nvml.NvmlLayouts.UTILIZATION_MEMORY;

import dev.gputel.gpu.GpuMetric;
import dev.gputel.receiver.nvml.NvmlReader.Field;
import dev.gputel.receiver.nvml.NvmlReader.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Which NVML call reads each catalog metric, and how its answer becomes the value nvidia-smi would
 * print (W from mW, MiB rounded up from bytes, J from mJ). The switch has no default: a metric
 * added to the catalog does not compile here until it is given a reader, or none.
 */
final class NvmlCatalog {
  /** mW per W and mJ per J. Dividing (not multiplying by 0.001) gives the double nearest the printed 68.123. */
  private static final double MILLI = 1000;

  // nvmlDeviceGetFieldValues field ids (NVML_FI_DEV_*).
  private static final int FI_ECC_SBE_VOL_TOTAL = 3;
  private static final int FI_ECC_DBE_VOL_TOTAL = 4;
  private static final int FI_ECC_SBE_AGG_TOTAL = 5;
  private static final int FI_ECC_DBE_AGG_TOTAL = 6;
  private static final int FI_RETIRED_SBE = 29;
  private static final int FI_RETIRED_DBE = 30;
  private static final int FI_RETIRED_PENDING = 31;
  private static final int FI_MEMORY_TEMP = 82;
  private static final int FI_TOTAL_ENERGY_CONSUMPTION = 83;
  private static final int FI_PCIE_REPLAY_COUNTER = 94;
  private static final int FI_REMAPPED_COR = 142;
  private static final int FI_REMAPPED_UNC = 143;
  private static final int FI_REMAPPED_PENDING = 144;
  private static final int FI_REMAPPED_FAILURE = 145;
  private static final int FI_POWER_AVERAGE = 185;
  private static final int FI_POWER_INSTANT = 186;

  // nvmlClocksEventReasons bits.
  private static final long GPU_IDLE = 0x1;
  private static final long SW_POWER_CAP = 0x4;
  private static final long HW_SLOWDOWN = 0x8;
  private static final long SW_THERMAL_SLOWDOWN = 0x20;
  private static final long HW_THERMAL_SLOWDOWN = 0x40;
  private static final long HW_POWER_BRAKE_SLOWDOWN = 0x80;

  private NvmlCatalog() {}

  /** Returns the catalog metrics that {@code wants} keeps and NVML can read, in catalog order. */
  static List<Wanted> wanted(Predicate<String> wants) {
    List<Wanted> wanted = new ArrayList<>();
    for (GpuMetric metric : GpuMetric.values()) {
      if (wants.test(metric.id())) {
        reader(metric).ifPresent(reader -> wanted.add(new Wanted(metric, reader)));
      }
    }
    return wanted;
  }

  /** Returns how NVML reads the metric, or empty when it cannot. */
  static Optional<NvmlReader> reader(GpuMetric metric) {
    return Optional.ofNullable(switch (metric) {
      case UTILIZATION_GPU -> query(NvmlQuery.UTILIZATION, b -> b.uint(UTILIZATION_GPU));
      case UTILIZATION_MEMORY -> query(NvmlQuery.UTILIZATION, b -> b.uint(UTILIZATION_MEMORY));
      case UTILIZATION_ENCODER -> query(NvmlQuery.ENCODER_UTILIZATION, b -> b.uint(0));
      case UTILIZATION_DECODER -> query(NvmlQuery.DECODER_UTILIZATION, b -> b.uint(0));
      case TEMPERATURE_GPU -> query(NvmlQuery.TEMPERATURE_GPU, b -> b.uint(0));
      case TEMPERATURE_MEMORY -> new Field(FI_MEMORY_TEMP, 1);
      case FAN_SPEED -> query(NvmlQuery.FAN_SPEED, b -> b.uint(0));
      case MEMORY_TOTAL -> query(NvmlQuery.MEMORY, b -> b.mib(b.memoryV1 ? MEMORY_TOTAL : MEMORY_V2_TOTAL));
      // From a v1 query (old drivers), "used" includes the reserved memory and there is no "reserved".
      case MEMORY_USED -> query(NvmlQuery.MEMORY, b -> b.mib(b.memoryV1 ? MEMORY_USED : MEMORY_V2_USED));
      case MEMORY_FREE -> query(NvmlQuery.MEMORY, b -> b.mib(b.memoryV1 ? MEMORY_FREE : MEMORY_V2_FREE));
      case MEMORY_RESERVED -> query(NvmlQuery.MEMORY, b -> b.memoryV1 ? Double.NaN : b.mib(MEMORY_V2_RESERVED));
      case POWER_DRAW -> query(NvmlQuery.POWER_USAGE, b -> b.uint(0) / MILLI);
      case POWER_DRAW_AVERAGE -> new Field(FI_POWER_AVERAGE, MILLI);
      case POWER_DRAW_INSTANT -> new Field(FI_POWER_INSTANT, MILLI);
      case POWER_LIMIT -> query(NvmlQuery.POWER_LIMIT, b -> b.uint(0) / MILLI);
      case ENFORCED_POWER_LIMIT -> query(NvmlQuery.ENFORCED_POWER_LIMIT, b -> b.uint(0) / MILLI);
      case POWER_DEFAULT_LIMIT -> query(NvmlQuery.POWER_DEFAULT_LIMIT, b -> b.uint(0) / MILLI);
      case POWER_MIN_LIMIT -> query(NvmlQuery.POWER_LIMIT_CONSTRAINTS, b -> b.uint(0) / MILLI);
      case POWER_MAX_LIMIT -> query(NvmlQuery.POWER_LIMIT_CONSTRAINTS, b -> b.uint(8) / MILLI);
      // The same counter as nvmlDeviceGetTotalEnergyConsumption, but read in the batched call.
      case TOTAL_ENERGY_CONSUMPTION -> new Field(FI_TOTAL_ENERGY_CONSUMPTION, MILLI);
      case PCIE_LINK_GEN_CURRENT -> query(NvmlQuery.PCIE_LINK_GENERATION, b -> b.uint(0));
      case PCIE_LINK_WIDTH_CURRENT -> query(NvmlQuery.PCIE_LINK_WIDTH, b -> b.uint(0));
      case PCIE_REPLAY_COUNTER -> new Field(FI_PCIE_REPLAY_COUNTER, 1);
      case ENCODER_STATS_SESSION_COUNT -> query(NvmlQuery.ENCODER_STATS, b -> b.uint(0));
      case ENCODER_STATS_AVERAGE_FPS -> query(NvmlQuery.ENCODER_STATS, b -> b.uint(8));
      case ENCODER_STATS_AVERAGE_LATENCY -> query(NvmlQuery.ENCODER_STATS, b -> b.uint(16));
      case CLOCKS_CURRENT_GRAPHICS -> query(NvmlQuery.CLOCK_GRAPHICS, b -> b.uint(0));
      case CLOCKS_CURRENT_SM -> query(NvmlQuery.CLOCK_SM, b -> b.uint(0));
      case CLOCKS_CURRENT_MEMORY -> query(NvmlQuery.CLOCK_MEMORY, b -> b.uint(0));
      case CLOCKS_CURRENT_VIDEO -> query(NvmlQuery.CLOCK_VIDEO, b -> b.uint(0));
      case CLOCKS_EVENT_REASONS_ACTIVE -> query(NvmlQuery.CLOCKS_EVENT_REASONS, GpuBuffers::ulong);
      case CLOCKS_EVENT_REASONS_GPU_IDLE -> reason(GPU_IDLE);
      case CLOCKS_EVENT_REASONS_SW_POWER_CAP -> reason(SW_POWER_CAP);
      case CLOCKS_EVENT_REASONS_HW_SLOWDOWN -> reason(HW_SLOWDOWN);
      case CLOCKS_EVENT_REASONS_SW_THERMAL_SLOWDOWN -> reason(SW_THERMAL_SLOWDOWN);
      case CLOCKS_EVENT_REASONS_HW_THERMAL_SLOWDOWN -> reason(HW_THERMAL_SLOWDOWN);
      case CLOCKS_EVENT_REASONS_HW_POWER_BRAKE_SLOWDOWN -> reason(HW_POWER_BRAKE_SLOWDOWN);
      // Single-bit (corrected) and double-bit (uncorrected) totals, as nvidia-smi's ecc.errors.*.total.
      case ECC_ERRORS_CORRECTED_VOLATILE_TOTAL -> new Field(FI_ECC_SBE_VOL_TOTAL, 1);
      case ECC_ERRORS_UNCORRECTED_VOLATILE_TOTAL -> new Field(FI_ECC_DBE_VOL_TOTAL, 1);
      case ECC_ERRORS_CORRECTED_AGGREGATE_TOTAL -> new Field(FI_ECC_SBE_AGG_TOTAL, 1);
      case ECC_ERRORS_UNCORRECTED_AGGREGATE_TOTAL -> new Field(FI_ECC_DBE_AGG_TOTAL, 1);
      case RETIRED_PAGES_SINGLE_BIT_ECC_COUNT -> new Field(FI_RETIRED_SBE, 1);
      case RETIRED_PAGES_DOUBLE_BIT_COUNT -> new Field(FI_RETIRED_DBE, 1);
      case RETIRED_PAGES_PENDING -> new Field(FI_RETIRED_PENDING, 1);
      case REMAPPED_ROWS_CORRECTABLE -> new Field(FI_REMAPPED_COR, 1);
      case REMAPPED_ROWS_UNCORRECTABLE -> new Field(FI_REMAPPED_UNC, 1);
      case REMAPPED_ROWS_PENDING -> new Field(FI_REMAPPED_PENDING, 1);
      case REMAPPED_ROWS_FAILURE -> new Field(FI_REMAPPED_FAILURE, 1);
    });
  }

  private static NvmlReader query(NvmlQuery query, ToDoubleFunction<GpuBuffers> value) {
    return new Query(query, value);
  }

  private static NvmlReader reason(long bit) {
    return new Query(NvmlQuery.CLOCKS_EVENT_REASONS, b -> b.bit(bit));
  }
}
