package dev.gputel.gpu;

import static dev.gputel.gpu.GpuUnit.CELSIUS;
import static dev.gputel.gpu.GpuUnit.COUNT;
import static dev.gputel.gpu.GpuUnit.FRAMES_PER_SECOND;
import static dev.gputel.gpu.GpuUnit.JOULES;
import static dev.gputel.gpu.GpuUnit.MEBIBYTES;
import static dev.gputel.gpu.GpuUnit.MEGAHERTZ;
import static dev.gputel.gpu.GpuUnit.MICROSECONDS;
import static dev.gputel.gpu.GpuUnit.NONE;
import static dev.gputel.gpu.GpuUnit.PERCENT;
import static dev.gputel.gpu.GpuUnit.WATTS;
import static dev.gputel.spi.data.MetricKind.COUNTER;
import static dev.gputel.spi.data.MetricKind.GAUGE;

import dev.gputel.spi.data.MetricKind;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The GPU metric catalog: every GPU metric gputel knows, named once. Receivers produce points named
 * by {@link #id()}, in {@link #unit()}; exporters map them to CloudWatch, OpenTelemetry and
 * Prometheus names from this table; workload profiles are sets of its ids.
 *
 * <p>Ids are the CloudWatch agent's {@code nvidia_gpu} measurement names where it has one (it
 * publishes them as {@code nvidia_smi_<id>}); the others follow the same rule, the nvidia-smi field
 * with dots as underscores and camel case split. A metric nvidia-smi cannot report has no field;
 * NVML names the call (or {@code nvmlDeviceGetFieldValues} field id) that reads it.
 */
public enum GpuMetric {
  // The 17 measurements the CloudWatch agent accepts on Linux come first, in its order.
  UTILIZATION_GPU("utilization.gpu", PERCENT, GAUGE, "hw.gpu.utilization", "hw.gpu.task=general",
      "nvmlDeviceGetUtilizationRates: gpu", "Percent of the last sample period in which a kernel ran"),
  TEMPERATURE_GPU("temperature.gpu", CELSIUS, GAUGE, "hw.temperature", "hw.sensor_location=gpu",
      "nvmlDeviceGetTemperature(NVML_TEMPERATURE_GPU)", "GPU core temperature"),
  POWER_DRAW("power.draw", WATTS, GAUGE, "hw.power", "hw.type=gpu",
      "nvmlDeviceGetPowerUsage (mW)", "Board power draw (a 1 s average on Ampere and newer except GA100)"),
  // Not hw.gpu.memory.utilization: that is the fraction of memory *used*; this is the time it was busy.
  UTILIZATION_MEMORY("utilization.memory", PERCENT, GAUGE, null, "",
      "nvmlDeviceGetUtilizationRates: memory", "Percent of the last sample period in which device memory was read or written"),
  FAN_SPEED("fan.speed", PERCENT, GAUGE, null, "",
      "nvmlDeviceGetFanSpeed", "Intended fan speed; absent on passively cooled boards"),
  MEMORY_TOTAL("memory.total", MEBIBYTES, GAUGE, "hw.gpu.memory.limit", "",
      "nvmlDeviceGetMemoryInfo_v2: total (bytes)", "Installed device memory"),
  MEMORY_USED("memory.used", MEBIBYTES, GAUGE, "hw.gpu.memory.usage", "",
      "nvmlDeviceGetMemoryInfo_v2: used (bytes)", "Device memory allocated by active contexts"),
  MEMORY_FREE("memory.free", MEBIBYTES, GAUGE, null, "",
      "nvmlDeviceGetMemoryInfo_v2: free (bytes)", "Device memory not allocated"),
  PCIE_LINK_GEN_CURRENT("pcie.link.gen.current", NONE, GAUGE, null, "",
      "nvmlDeviceGetCurrPcieLinkGeneration", "Current PCIe link generation (drops when idle)"),
  PCIE_LINK_WIDTH_CURRENT("pcie.link.width.current", NONE, GAUGE, null, "",
      "nvmlDeviceGetCurrPcieLinkWidth", "Current PCIe link width in lanes"),
  ENCODER_STATS_SESSION_COUNT("encoder.stats.sessionCount", COUNT, GAUGE, null, "",
      "nvmlDeviceGetEncoderStats: sessionCount", "Active encoder sessions"),
  ENCODER_STATS_AVERAGE_FPS("encoder.stats.averageFps", FRAMES_PER_SECOND, GAUGE, null, "",
      "nvmlDeviceGetEncoderStats: averageFps", "Average frames per second over all encoder sessions"),
  ENCODER_STATS_AVERAGE_LATENCY("encoder.stats.averageLatency", MICROSECONDS, GAUGE, null, "",
      "nvmlDeviceGetEncoderStats: averageLatency (us)", "Average encode latency over all encoder sessions"),
  CLOCKS_CURRENT_GRAPHICS("clocks.current.graphics", MEGAHERTZ, GAUGE, null, "",
      "nvmlDeviceGetClockInfo(NVML_CLOCK_GRAPHICS)", "Graphics (shader) clock"),
  CLOCKS_CURRENT_SM("clocks.current.sm", MEGAHERTZ, GAUGE, null, "",
      "nvmlDeviceGetClockInfo(NVML_CLOCK_SM)", "Streaming multiprocessor clock"),
  CLOCKS_CURRENT_MEMORY("clocks.current.memory", MEGAHERTZ, GAUGE, null, "",
      "nvmlDeviceGetClockInfo(NVML_CLOCK_MEM)", "Memory clock"),
  CLOCKS_CURRENT_VIDEO("clocks.current.video", MEGAHERTZ, GAUGE, null, "",
      "nvmlDeviceGetClockInfo(NVML_CLOCK_VIDEO)", "Video encoder/decoder clock"),

  // Utilization of the media engines and memory the CloudWatch agent's parser sees but cannot publish.
  UTILIZATION_ENCODER("utilization.encoder", PERCENT, GAUGE, "hw.gpu.utilization", "hw.gpu.task=encoder",
      "nvmlDeviceGetEncoderUtilization", "Percent of the last sample period in which the video encoder ran"),
  UTILIZATION_DECODER("utilization.decoder", PERCENT, GAUGE, "hw.gpu.utilization", "hw.gpu.task=decoder",
      "nvmlDeviceGetDecoderUtilization", "Percent of the last sample period in which the video decoder ran"),
  MEMORY_RESERVED("memory.reserved", MEBIBYTES, GAUGE, null, "",
      "nvmlDeviceGetMemoryInfo_v2: reserved (bytes)", "Device memory reserved by the driver and firmware"),
  TEMPERATURE_MEMORY("temperature.memory", CELSIUS, GAUGE, "hw.temperature", "hw.sensor_location=memory",
      "nvmlDeviceGetFieldValues(NVML_FI_DEV_MEMORY_TEMP=82)", "HBM temperature; absent without a memory sensor"),

  // Power and energy.
  POWER_DRAW_AVERAGE("power.draw.average", WATTS, GAUGE, null, "",
      "nvmlDeviceGetFieldValues(NVML_FI_DEV_POWER_AVERAGE=185, mW)", "Power draw averaged over 1 s (Ampere and newer except GA100)"),
  POWER_DRAW_INSTANT("power.draw.instant", WATTS, GAUGE, null, "",
      "nvmlDeviceGetFieldValues(NVML_FI_DEV_POWER_INSTANT=186, mW)", "Instantaneous power draw"),
  POWER_LIMIT("power.limit", WATTS, GAUGE, null, "",
      "nvmlDeviceGetPowerManagementLimit (mW)", "Power limit requested by software"),
  ENFORCED_POWER_LIMIT("enforced.power.limit", WATTS, GAUGE, null, "",
      "nvmlDeviceGetEnforcedPowerLimit (mW)", "Power limit the driver enforces (the lowest of all limiters)"),
  POWER_DEFAULT_LIMIT("power.default_limit", WATTS, GAUGE, null, "",
      "nvmlDeviceGetPowerManagementDefaultLimit (mW)", "Power limit after a driver reload"),
  POWER_MIN_LIMIT("power.min_limit", WATTS, GAUGE, null, "",
      "nvmlDeviceGetPowerManagementLimitConstraints: min (mW)", "Lowest power limit that can be set"),
  POWER_MAX_LIMIT("power.max_limit", WATTS, GAUGE, null, "",
      "nvmlDeviceGetPowerManagementLimitConstraints: max (mW)", "Highest power limit that can be set"),
  TOTAL_ENERGY_CONSUMPTION(null, JOULES, COUNTER, "hw.energy", "hw.type=gpu",
      "nvmlDeviceGetFieldValues(NVML_FI_DEV_TOTAL_ENERGY_CONSUMPTION=83, mJ)", "Energy used since the driver was loaded (Volta and newer)"),

  // Why clocks are held down: the active reasons as a bit mask, and the common ones as 0/1 flags.
  CLOCKS_EVENT_REASONS_ACTIVE("clocks_event_reasons.active", NONE, GAUGE, null, "",
      "nvmlDeviceGetCurrentClocksEventReasons", "Bit mask of the reasons clocks are reduced now"),
  CLOCKS_EVENT_REASONS_GPU_IDLE("clocks_event_reasons.gpu_idle", NONE, GAUGE, null, "",
      "nvmlDeviceGetCurrentClocksEventReasons & 0x1", "1 when clocks are low because nothing runs"),
  CLOCKS_EVENT_REASONS_SW_POWER_CAP("clocks_event_reasons.sw_power_cap", NONE, GAUGE, null, "",
      "nvmlDeviceGetCurrentClocksEventReasons & 0x4", "1 when software holds clocks down to stay under the power limit"),
  CLOCKS_EVENT_REASONS_HW_SLOWDOWN("clocks_event_reasons.hw_slowdown", NONE, GAUGE, null, "",
      "nvmlDeviceGetCurrentClocksEventReasons & 0x8", "1 when hardware slows clocks (heat, power brake or bad power supply)"),
  CLOCKS_EVENT_REASONS_SW_THERMAL_SLOWDOWN("clocks_event_reasons.sw_thermal_slowdown", NONE, GAUGE, null, "",
      "nvmlDeviceGetCurrentClocksEventReasons & 0x20", "1 when software slows clocks to cool the GPU or memory"),
  CLOCKS_EVENT_REASONS_HW_THERMAL_SLOWDOWN("clocks_event_reasons.hw_thermal_slowdown", NONE, GAUGE, null, "",
      "nvmlDeviceGetCurrentClocksEventReasons & 0x40", "1 when hardware slows clocks because the GPU is too hot"),
  CLOCKS_EVENT_REASONS_HW_POWER_BRAKE_SLOWDOWN("clocks_event_reasons.hw_power_brake_slowdown", NONE, GAUGE, null, "",
      "nvmlDeviceGetCurrentClocksEventReasons & 0x80", "1 when an external power brake slows clocks"),

  // Memory health: ECC counters (volatile since driver load, aggregate over the board's life).
  ECC_ERRORS_CORRECTED_VOLATILE_TOTAL("ecc.errors.corrected.volatile.total", COUNT, COUNTER, null, "",
      "nvmlDeviceGetFieldValues(NVML_FI_DEV_ECC_SBE_VOL_TOTAL=3)", "Corrected ECC errors since the driver was loaded"),
  ECC_ERRORS_UNCORRECTED_VOLATILE_TOTAL("ecc.errors.uncorrected.volatile.total", COUNT, COUNTER, null, "",
      "nvmlDeviceGetFieldValues(NVML_FI_DEV_ECC_DBE_VOL_TOTAL=4)", "Uncorrected ECC errors since the driver was loaded"),
  ECC_ERRORS_CORRECTED_AGGREGATE_TOTAL("ecc.errors.corrected.aggregate.total", COUNT, COUNTER, "hw.errors",
      "hw.type=gpu,error.type=corrected", "nvmlDeviceGetFieldValues(NVML_FI_DEV_ECC_SBE_AGG_TOTAL=5)",
      "Corrected ECC errors over the board's life"),
  ECC_ERRORS_UNCORRECTED_AGGREGATE_TOTAL("ecc.errors.uncorrected.aggregate.total", COUNT, COUNTER, "hw.errors",
      "hw.type=gpu,error.type=uncorrected", "nvmlDeviceGetFieldValues(NVML_FI_DEV_ECC_DBE_AGG_TOTAL=6)",
      "Uncorrected ECC errors over the board's life"),
  RETIRED_PAGES_SINGLE_BIT_ECC_COUNT("retired_pages.single_bit_ecc.count", COUNT, GAUGE, null, "",
      "nvmlDeviceGetFieldValues(NVML_FI_DEV_RETIRED_SBE=29)", "Pages retired after repeated single-bit errors (pre-Ampere)"),
  RETIRED_PAGES_DOUBLE_BIT_COUNT("retired_pages.double_bit.count", COUNT, GAUGE, null, "",
      "nvmlDeviceGetFieldValues(NVML_FI_DEV_RETIRED_DBE=30)", "Pages retired after a double-bit error (pre-Ampere)"),
  RETIRED_PAGES_PENDING("retired_pages.pending", NONE, GAUGE, null, "",
      "nvmlDeviceGetFieldValues(NVML_FI_DEV_RETIRED_PENDING=31)", "1 when a page waits to be retired at the next reset"),
  REMAPPED_ROWS_CORRECTABLE("remapped_rows.correctable", COUNT, GAUGE, null, "",
      "nvmlDeviceGetFieldValues(NVML_FI_DEV_REMAPPED_COR=142)", "Rows remapped after correctable errors (Ampere and newer)"),
  REMAPPED_ROWS_UNCORRECTABLE("remapped_rows.uncorrectable", COUNT, GAUGE, null, "",
      "nvmlDeviceGetFieldValues(NVML_FI_DEV_REMAPPED_UNC=143)", "Rows remapped after uncorrectable errors (Ampere and newer)"),
  REMAPPED_ROWS_PENDING("remapped_rows.pending", NONE, GAUGE, null, "",
      "nvmlDeviceGetFieldValues(NVML_FI_DEV_REMAPPED_PENDING=144)", "1 when a remap waits for a GPU reset"),
  REMAPPED_ROWS_FAILURE("remapped_rows.failure", NONE, GAUGE, null, "",
      "nvmlDeviceGetFieldValues(NVML_FI_DEV_REMAPPED_FAILURE=145)", "1 when a remap failed: the board needs replacing"),

  // The link.
  PCIE_REPLAY_COUNTER(null, COUNT, COUNTER, null, "",
      "nvmlDeviceGetFieldValues(NVML_FI_DEV_PCIE_REPLAY_COUNTER=94)", "PCIe packets replayed after link errors since the driver was loaded");

  private static final Map<String, GpuMetric> BY_ID =
      Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(GpuMetric::id, Function.identity()));
  private static final Map<String, GpuMetric> BY_SMI_FIELD = Arrays.stream(values())
      .filter(m -> m.smiField != null)
      .collect(Collectors.toUnmodifiableMap(GpuMetric::smiField, Function.identity()));

  private final String id;
  private final String smiField;
  private final GpuUnit unit;
  private final MetricKind kind;
  private final String otelName;
  private final String otelAttributes;
  private final String nvml;
  private final String description;

  GpuMetric(String smiField, GpuUnit unit, MetricKind kind, String semconvName, String semconvAttributes,
      String nvml, String description) {
    this.id = name().toLowerCase(Locale.ROOT);
    this.smiField = smiField;
    this.unit = unit;
    this.kind = kind;
    this.otelName = semconvName != null ? semconvName : "nvidia.gpu." + id;
    this.otelAttributes = semconvAttributes;
    this.nvml = nvml;
    this.description = description;
  }

  /** Returns the catalog id, such as {@code utilization_gpu}: the name of the points receivers emit. */
  public String id() {
    return id;
  }

  /** Returns the canonical {@code --query-gpu} field, or null when nvidia-smi cannot report it. */
  public String smiField() {
    return smiField;
  }

  /** Returns the unit values are in: nvidia-smi's own (%, MiB, W, MHz, Cel, us). */
  public GpuUnit unit() {
    return unit;
  }

  public MetricKind kind() {
    return kind;
  }

  /** Returns the NVML call, or field id, that reads the metric. */
  public String nvml() {
    return nvml;
  }

  public String description() {
    return description;
  }

  /** Returns the name the CloudWatch agent publishes it under in namespace {@code CWAgent}. */
  public String cloudWatchName() {
    return "nvidia_smi_" + id;
  }

  /** Returns the CloudWatch unit of the value as published (in {@link #unit()}, not the base unit). */
  public String cloudWatchUnit() {
    return unit.cloudWatch();
  }

  /**
   * Returns the OpenTelemetry name: the semantic-convention metric where one exists ({@code
   * hw.gpu.utilization}, {@code hw.power}...), else {@code nvidia.gpu.<id>}. Values are scaled by
   * {@link GpuUnit#toBase()} to {@link GpuUnit#base()}.
   */
  public String otelName() {
    return otelName;
  }

  /** Returns whether {@link #otelName()} is a semantic-convention metric, not one of ours. */
  public boolean isSemconv() {
    return !otelName.startsWith("nvidia.gpu.");
  }

  /** Returns the attributes the semantic convention asks for, as {@code k=v,k=v}, or empty. */
  public String otelAttributes() {
    return otelAttributes;
  }

  /**
   * Returns the Prometheus name: {@code nvidia_gpu_<id>}, the base unit, and {@code _total} for
   * counters. Four ids are reworded, because {@code promtool check metrics} rejects {@code _count}
   * (a summary's suffix) and the word {@code counter} in a metric name.
   */
  public String prometheusName() {
    String name = switch (this) {
      case ENCODER_STATS_SESSION_COUNT -> "encoder_stats_sessions";
      case RETIRED_PAGES_SINGLE_BIT_ECC_COUNT -> "retired_pages_single_bit_ecc";
      case RETIRED_PAGES_DOUBLE_BIT_COUNT -> "retired_pages_double_bit";
      case PCIE_REPLAY_COUNTER -> "pcie_replays";
      default -> id;
    };
    String suffix = unit.prometheusSuffix().isEmpty() ? "" : "_" + unit.prometheusSuffix();
    boolean total = kind == COUNTER && !name.endsWith("_total"); // ECC counters already say so.
    return "nvidia_gpu_" + name + suffix + (total ? "_total" : "");
  }

  /** Finds a metric by catalog id; a CloudWatch agent name with its {@code nvidia_smi_} prefix works too. */
  public static Optional<GpuMetric> byId(String id) {
    String bare = id.startsWith("nvidia_smi_") ? id.substring("nvidia_smi_".length()) : id;
    return Optional.ofNullable(BY_ID.get(bare));
  }

  /** Finds the metric a {@code --query-gpu} field (canonical name or alias) reports. */
  public static Optional<GpuMetric> bySmiField(String field) {
    return Optional.ofNullable(BY_SMI_FIELD.get(SmiFields.canonical(field)));
  }
}
