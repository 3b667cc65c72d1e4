package dev.gputel.exporter.prometheus;

import static dev.gputel.gpu.GpuMetric.*;

import dev.gputel.gpu.GpuMetric;
import dev.gputel.spi.data.MetricKind;
import java.util.EnumMap;
import java.util.Map;

/**
 * {@code naming = dcgm}: NVIDIA dcgm-exporter's names ({@code DCGM_FI_DEV_*}, the DCGM field
 * identifiers of {@code dcgm_fields.h}) in DCGM's units, which are nvidia-smi's (%, MiB, MHz, W,
 * C) except energy (mJ). A metric DCGM has no field for keeps its Prometheus name and base unit.
 * DCGM's cumulative fields have no {@code _total} suffix, so they are {@code untyped} rather than
 * counters (a counter's samples must end in {@code _total}).
 */
final class DcgmNames {
  private record Field(String name, double scale) {}

  private static final Map<GpuMetric, Field> FIELDS = new EnumMap<>(GpuMetric.class);

  static {
    field(UTILIZATION_GPU, "DCGM_FI_DEV_GPU_UTIL");
    field(UTILIZATION_MEMORY, "DCGM_FI_DEV_MEM_COPY_UTIL");
    field(UTILIZATION_ENCODER, "DCGM_FI_DEV_ENC_UTIL");
    field(UTILIZATION_DECODER, "DCGM_FI_DEV_DEC_UTIL");
    field(MEMORY_TOTAL, "DCGM_FI_DEV_FB_TOTAL");
    field(MEMORY_USED, "DCGM_FI_DEV_FB_USED");
    field(MEMORY_FREE, "DCGM_FI_DEV_FB_FREE");
    field(MEMORY_RESERVED, "DCGM_FI_DEV_FB_RESERVED");
    field(TEMPERATURE_GPU, "DCGM_FI_DEV_GPU_TEMP");
    field(TEMPERATURE_MEMORY, "DCGM_FI_DEV_MEMORY_TEMP");
    field(POWER_DRAW, "DCGM_FI_DEV_POWER_USAGE");
    field(POWER_DRAW_INSTANT, "DCGM_FI_DEV_POWER_USAGE_INSTANT");
    field(POWER_LIMIT, "DCGM_FI_DEV_POWER_MGMT_LIMIT");
    field(ENFORCED_POWER_LIMIT, "DCGM_FI_DEV_ENFORCED_POWER_LIMIT");
    field(POWER_DEFAULT_LIMIT, "DCGM_FI_DEV_POWER_MGMT_LIMIT_DEF");
    field(POWER_MIN_LIMIT, "DCGM_FI_DEV_POWER_MGMT_LIMIT_MIN");
    field(POWER_MAX_LIMIT, "DCGM_FI_DEV_POWER_MGMT_LIMIT_MAX");
    FIELDS.put(TOTAL_ENERGY_CONSUMPTION, new Field("DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION", 1000)); // J to mJ
    field(CLOCKS_CURRENT_SM, "DCGM_FI_DEV_SM_CLOCK");
    field(CLOCKS_CURRENT_MEMORY, "DCGM_FI_DEV_MEM_CLOCK");
    field(CLOCKS_CURRENT_VIDEO, "DCGM_FI_DEV_VIDEO_CLOCK");
    field(FAN_SPEED, "DCGM_FI_DEV_FAN_SPEED");
    field(PCIE_LINK_GEN_CURRENT, "DCGM_FI_DEV_PCIE_LINK_GEN");
    field(PCIE_LINK_WIDTH_CURRENT, "DCGM_FI_DEV_PCIE_LINK_WIDTH");
    field(PCIE_REPLAY_COUNTER, "DCGM_FI_DEV_PCIE_REPLAY_COUNTER");
    field(CLOCKS_EVENT_REASONS_ACTIVE, "DCGM_FI_DEV_CLOCKS_EVENT_REASONS");
    field(ECC_ERRORS_CORRECTED_VOLATILE_TOTAL, "DCGM_FI_DEV_ECC_SBE_VOL_TOTAL");
    field(ECC_ERRORS_UNCORRECTED_VOLATILE_TOTAL, "DCGM_FI_DEV_ECC_DBE_VOL_TOTAL");
    field(ECC_ERRORS_CORRECTED_AGGREGATE_TOTAL, "DCGM_FI_DEV_ECC_SBE_AGG_TOTAL");
    field(ECC_ERRORS_UNCORRECTED_AGGREGATE_TOTAL, "DCGM_FI_DEV_ECC_DBE_AGG_TOTAL");
    field(RETIRED_PAGES_SINGLE_BIT_ECC_COUNT, "DCGM_FI_DEV_RETIRED_SBE");
    field(RETIRED_PAGES_DOUBLE_BIT_COUNT, "DCGM_FI_DEV_RETIRED_DBE");
    field(RETIRED_PAGES_PENDING, "DCGM_FI_DEV_RETIRED_PENDING");
    field(REMAPPED_ROWS_CORRECTABLE, "DCGM_FI_DEV_CORRECTABLE_REMAPPED_ROWS");
    field(REMAPPED_ROWS_UNCORRECTABLE, "DCGM_FI_DEV_UNCORRECTABLE_REMAPPED_ROWS");
    field(REMAPPED_ROWS_PENDING, "DCGM_FI_DEV_ROW_REMAP_PENDING");
    field(REMAPPED_ROWS_FAILURE, "DCGM_FI_DEV_ROW_REMAP_FAILURE");
  }

  private DcgmNames() {}

  private static void field(GpuMetric metric, String name) {
    FIELDS.put(metric, new Field(name, 1)); // Values stay in the catalog's (nvidia-smi's) unit.
  }

  /** Returns the DCGM field name of a catalog metric, or null when DCGM has none. */
  static String fieldName(GpuMetric metric) {
    Field field = FIELDS.get(metric);
    return field == null ? null : field.name();
  }

  static Map<GpuMetric, Family> families() {
    Map<GpuMetric, Family> families = new EnumMap<>(GpuMetric.class);
    for (GpuMetric metric : GpuMetric.values()) {
      Field field = FIELDS.get(metric);
      families.put(metric, field == null ? PrometheusNames.family(metric) : new Family(field.name(),
          metric.description() + unitNote(metric, field),
          metric.kind() == MetricKind.COUNTER ? Family.Type.UNTYPED : Family.Type.GAUGE, null, field.scale()));
    }
    return families;
  }

  private static String unitNote(GpuMetric metric, Field field) {
    if (field.scale() == 1000) {
      return " (in mJ)";
    }
    return switch (metric.unit()) {
      case PERCENT -> " (in %)";
      case MEBIBYTES -> " (in MiB)";
      case MEGAHERTZ -> " (in MHz)";
      case WATTS -> " (in W)";
      case CELSIUS -> " (in C)";
      default -> "";
    };
  }
}
