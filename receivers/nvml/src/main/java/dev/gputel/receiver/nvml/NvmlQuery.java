package dev.gputel.receiver.nvml;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.MemorySegment;

/**
 * One NVML call about a GPU that readings take their values from: utilization gives two
 * metrics, memory four, so each query runs once per collection however many metrics it feeds.
 */
enum NvmlQuery {
  UTILIZATION(NvmlFunction.UTILIZATION_RATES),
  MEMORY(NvmlFunction.MEMORY_INFO_V2),
  POWER_USAGE(NvmlFunction.POWER_USAGE),
  POWER_LIMIT(NvmlFunction.POWER_LIMIT),
  POWER_DEFAULT_LIMIT(NvmlFunction.POWER_DEFAULT_LIMIT),
  POWER_LIMIT_CONSTRAINTS(NvmlFunction.POWER_LIMIT_CONSTRAINTS),
  ENFORCED_POWER_LIMIT(NvmlFunction.ENFORCED_POWER_LIMIT),
  TEMPERATURE_GPU(NvmlFunction.TEMPERATURE),
  FAN_SPEED(NvmlFunction.FAN_SPEED),
  CLOCK_GRAPHICS(NvmlFunction.CLOCK_INFO),
  CLOCK_SM(NvmlFunction.CLOCK_INFO),
  CLOCK_MEMORY(NvmlFunction.CLOCK_INFO),
  CLOCK_VIDEO(NvmlFunction.CLOCK_INFO),
  PCIE_LINK_GENERATION(NvmlFunction.PCIE_LINK_GENERATION),
  PCIE_LINK_WIDTH(NvmlFunction.PCIE_LINK_WIDTH),
  ENCODER_STATS(NvmlFunction.ENCODER_STATS),
  ENCODER_UTILIZATION(NvmlFunction.ENCODER_UTILIZATION),
  DECODER_UTILIZATION(NvmlFunction.DECODER_UTILIZATION),
  CLOCKS_EVENT_REASONS(NvmlFunction.CLOCKS_EVENT_REASONS);

  // nvmlTemperatureSensors_t and nvmlClockType_t values.
  private static final int TEMPERATURE_SENSOR_GPU = 0;
  private static final int CLOCK_TYPE_GRAPHICS = 0;
  private static final int CLOCK_TYPE_SM = 1;
  private static final int CLOCK_TYPE_MEMORY = 2;
  private static final int CLOCK_TYPE_VIDEO = 3;

  private final NvmlFunction function;

  NvmlQuery(NvmlFunction function) {
    this.function = function;
  }

  /** The function it calls first, for messages. */
  NvmlFunction function() {
    return function;
  }

  /** Calls NVML about {@code device}; the answer lands in {@code buffers}. Returns the nvmlReturn_t. */
  int run(NvmlLibrary nvml, MemorySegment device, GpuBuffers buffers) {
    MemorySegment out = buffers.out;
    return switch (this) {
      case MEMORY -> memory(nvml, device, buffers);
      case TEMPERATURE_GPU -> nvml.call(function, device, TEMPERATURE_SENSOR_GPU, out);
      case CLOCK_GRAPHICS -> nvml.call(function, device, CLOCK_TYPE_GRAPHICS, out);
      case CLOCK_SM -> nvml.call(function, device, CLOCK_TYPE_SM, out);
      case CLOCK_MEMORY -> nvml.call(function, device, CLOCK_TYPE_MEMORY, out);
      case CLOCK_VIDEO -> nvml.call(function, device, CLOCK_TYPE_VIDEO, out);
      case ENCODER_STATS -> nvml.call(function, device, out, buffers.slot1, buffers.slot2);
      // The second output of these is the sampling period (or the maximum limit): kept in slot1.
      case ENCODER_UTILIZATION, DECODER_UTILIZATION, POWER_LIMIT_CONSTRAINTS ->
          nvml.call(function, device, out, buffers.slot1);
      default -> nvml.call(function, device, out);
    };
  }

  /**
   * nvmlDeviceGetMemoryInfo_v2, which reports reserved memory apart from used, or v1 where v2 is
   * missing (drivers before R510) or refuses the struct version; once v1, always v1 for the GPU.
   */
  private static int memory(NvmlLibrary nvml, MemorySegment device, GpuBuffers buffers) {
    if (!buffers.memoryV1) {
      buffers.out.set(JAVA_INT, NvmlLayouts.MEMORY_V2_VERSION, NvmlLayouts.MEMORY_V2_STRUCT_VERSION);
      int result = nvml.call(NvmlFunction.MEMORY_INFO_V2, device, buffers.out);
      if (result != NvmlReturn.FUNCTION_NOT_FOUND.code()
          && result != NvmlReturn.ARGUMENT_VERSION_MISMATCH.code()
          && result != NvmlReturn.NOT_SUPPORTED.code()) {
        return result;
      }
      buffers.memoryV1 = true;
    }
    return nvml.call(NvmlFunction.MEMORY_INFO, device, buffers.out);
  }
}
