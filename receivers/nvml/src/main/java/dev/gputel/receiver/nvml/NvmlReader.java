package dev.gputel.receiver.nvml;

import java.util.function.ToDoubleFunction;

/** How the receiver reads one catalog metric from NVML. */
sealed interface NvmlReader {

  /**
   * The value is in the answer of a query, taken out (and converted to the catalog's unit) by
   * {@code value}; NaN means "no value" (memory.reserved from a v1 memory query).
   */
  record Query(NvmlQuery query, ToDoubleFunction<GpuBuffers> value) implements NvmlReader {}

  /** The value is the {@code nvmlDeviceGetFieldValues} field {@code id}, divided by {@code divisor}. */
  record Field(int id, double divisor) implements NvmlReader {}
}
