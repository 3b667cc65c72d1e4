package dev.gputel.receiver.nvml;

import dev.gputel.spi.component.Counter;
import dev.gputel.spi.component.Telemetry;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;

/**
 * What becomes of a read that failed without NVML or the GPU going away: a value that will never
 * come is dropped from later collections, a refusal (NO_PERMISSION, NO_DATA) is simply no value,
 * and anything else is counted per code and logged once per GPU, read and code.
 */
final class ReadOutcomes {
  private final Telemetry telemetry;
  private final Logger log;
  private final Map<NvmlReturn, Counter> errors = new EnumMap<>(NvmlReturn.class);
  private final Set<String> warned = new HashSet<>();
  private volatile int dropped;

  ReadOutcomes(Telemetry telemetry, Logger log) {
    this.telemetry = telemetry;
    this.log = log;
  }

  /** Records a failed read; returns true when it should not be asked again. */
  boolean failed(GpuReader gpu, String read, NvmlReturn code) {
    switch (code.kind()) {
      case NEVER -> {
        dropped++;
        log.debug("GPU {}: {} answered {}: not asked again until NVML is initialised again", gpu.index(), read, code);
        return true;
      }
      case ABSENT -> {
        return false;
      }
      default -> {
        errors.computeIfAbsent(code, c -> telemetry.counter("read_errors",
            "NVML reads that failed, by nvmlReturn_t name", Map.of("code", c.name()))).increment();
        if (warned.add(gpu.index() + " " + read + " " + code)) {
          log.warn("GPU {}: {} failed: {} (logged once; counted in read_errors)", gpu.index(), read, code);
        }
        return false;
      }
    }
  }

  /** How many reads GPUs said they will never answer, since NVML was last initialised. */
  int dropped() {
    return dropped;
  }

  /** Starts over for a new initialisation: the new driver or GPUs may answer differently. */
  void reset() {
    dropped = 0;
    warned.clear();
  }
}
