package dev.gputel.receiver.nvml;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.gputel.spi.data.Attributes;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * NVML loaded and initialised, with the GPUs it found: those it can read, and those it cannot
 * (lost, or failing) with the reason. Closing shuts NVML down and unloads the library.
 */
final class NvmlSession implements AutoCloseable {
  /** A GPU that NVML counts but the receiver cannot read. */
  record MissingGpu(int index, NvmlReturn code, String reason) {}

  private final NvmlLibrary nvml;
  private final List<GpuReader> gpus;
  private final List<MissingGpu> missing;

  private NvmlSession(NvmlLibrary nvml, List<GpuReader> gpus, List<MissingGpu> missing) {
    this.nvml = nvml;
    this.gpus = gpus;
    this.missing = missing;
  }

  /**
   * Loads the library, initialises NVML and prepares a reader of the wanted metrics for every GPU.
   *
   * @throws NvmlUnavailableException when the library cannot be loaded, NVML cannot be initialised
   *     or cannot count its GPUs
   */
  static NvmlSession open(String library, List<Wanted> wanted, ReadOutcomes outcomes, Logger log)
      throws NvmlUnavailableException {
    NvmlLibrary nvml;
    try {
      nvml = NvmlLibrary.load(library);
    } catch (NvmlLoadException e) {
      throw new NvmlUnavailableException(NvmlReturn.LIBRARY_NOT_FOUND, e.getMessage());
    }
    boolean initialised = false;
    try {
      check(nvml, NvmlFunction.INIT, nvml.call(NvmlFunction.INIT));
      initialised = true;
      MemorySegment out = nvml.arena().allocate(ADDRESS);
      check(nvml, NvmlFunction.DEVICE_COUNT, nvml.call(NvmlFunction.DEVICE_COUNT, out));
      int count = out.get(JAVA_INT, 0);
      GpuIdentity identity = new GpuIdentity(nvml, nvml.arena());
      String driverVersion = identity.driverVersion();
      List<GpuReader> gpus = new ArrayList<>();
      List<MissingGpu> missing = new ArrayList<>();
      for (int index = 0; index < count; index++) {
        NvmlReturn code = NvmlReturn.of(nvml.call(NvmlFunction.HANDLE_BY_INDEX, index, out));
        if (code == NvmlReturn.NO_PERMISSION) {
          // NVML counts GPUs this process may not open (another container's): not ours to watch.
          log.info("GPU {}: no permission to open it; not collected", index);
          continue;
        }
        if (code != NvmlReturn.SUCCESS) {
          missing.add(new MissingGpu(index, code, nvml.symbol(NvmlFunction.HANDLE_BY_INDEX) + ": "
              + nvml.describe(code.code()) + " (" + code + ")"));
          continue;
        }
        MemorySegment device = out.get(ADDRESS, 0);
        try {
          Attributes attributes = identity.read(device, index, driverVersion);
          gpus.add(new GpuReader(index, device, attributes, nvml, nvml.arena(), wanted, outcomes));
        } catch (NvmlUnavailableException e) {
          if (e.code() != NvmlReturn.GPU_IS_LOST && e.code() != NvmlReturn.GPU_NOT_FOUND) {
            throw e;
          }
          missing.add(new MissingGpu(index, e.code(), e.getMessage()));
        }
      }
      return new NvmlSession(nvml, List.copyOf(gpus), List.copyOf(missing));
    } catch (NvmlUnavailableException | RuntimeException e) {
      if (initialised) {
        nvml.call(NvmlFunction.SHUTDOWN);
      }
      nvml.close();
      throw e;
    }
  }

  private static void check(NvmlLibrary nvml, NvmlFunction function, int result) throws NvmlUnavailableException {
    if (result != 0) {
      NvmlReturn code = NvmlReturn.of(result);
      throw new NvmlUnavailableException(code,
          nvml.symbol(function) + " failed: " + nvml.describe(result) + " (" + code + ")");
    }
  }

  List<GpuReader> gpus() {
    return gpus;
  }

  List<MissingGpu> missing() {
    return missing;
  }

  /** NVML's text for a return code ("GPU is lost"). */
  String describe(NvmlReturn code) {
    return nvml.describe(code.code());
  }

  /** Shuts NVML down (it counts initialisations) and unloads the library; the readers die with it. */
  @Override
  public void close() {
    try {
      nvml.call(NvmlFunction.SHUTDOWN);
    } finally {
      nvml.close();
    }
  }
}
