package dev.gputel.receiver.nvml;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;

import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * Loads NVML, initialises it and opens every GPU it counts: the start the metrics session and the
 * events session share. A GPU this process may not open (another container's) is skipped; one that
 * fails on its own (its handle refused, lost, not found) is listed as missing; any other failure
 * shuts NVML down and unloads the library again before it is thrown.
 */
final class NvmlGpus {

  /** Makes what a session keeps of each GPU, given the initialised library. */
  interface GpuOpener<G> {
    G open(int index, MemorySegment device) throws NvmlUnavailableException;
  }

  /** Prepares a {@link GpuOpener} once NVML is initialised (to read the driver version, say). */
  interface OpenerFactory<G> {
    GpuOpener<G> forLibrary(NvmlLibrary nvml) throws NvmlUnavailableException;
  }

  /** NVML initialised, the GPUs opened and those that could not be. */
  record Opened<G>(NvmlLibrary nvml, List<G> gpus, List<NvmlSession.MissingGpu> missing) {}

  private NvmlGpus() {}

  /**
   * @throws NvmlUnavailableException when the library cannot be loaded, NVML cannot be initialised
   *     or cannot count its GPUs, or opening a GPU fails for all of NVML
   */
  static <G> Opened<G> open(String library, Logger log, OpenerFactory<G> factory) throws NvmlUnavailableException {
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
      GpuOpener<G> opener = factory.forLibrary(nvml);
      List<G> gpus = new ArrayList<>();
      List<NvmlSession.MissingGpu> missing = new ArrayList<>();
      for (int index = 0; index < count; index++) {
        NvmlReturn code = NvmlReturn.of(nvml.call(NvmlFunction.HANDLE_BY_INDEX, index, out));
        if (code == NvmlReturn.NO_PERMISSION) {
          // NVML counts GPUs this process may not open (another container's): not ours to watch.
          log.info("GPU {}: no permission to open it; skipped", index);
          continue;
        }
        if (code != NvmlReturn.SUCCESS) {
          missing.add(missing(nvml, index, NvmlFunction.HANDLE_BY_INDEX, code));
          continue;
        }
        try {
          gpus.add(opener.open(index, out.get(ADDRESS, 0)));
        } catch (NvmlUnavailableException e) {
          if (!onlyThisGpu(e.code())) {
            throw e;
          }
          missing.add(new NvmlSession.MissingGpu(index, e.code(), e.getMessage()));
        }
      }
      return new Opened<>(nvml, List.copyOf(gpus), missing);
    } catch (NvmlUnavailableException | RuntimeException e) {
      if (initialised) {
        nvml.call(NvmlFunction.SHUTDOWN);
      }
      nvml.close();
      throw e;
    }
  }

  /** Throws the failure of a call that concerns all of NVML. */
  static void check(NvmlLibrary nvml, NvmlFunction function, int result) throws NvmlUnavailableException {
    if (result != 0) {
      NvmlReturn code = NvmlReturn.of(result);
      throw new NvmlUnavailableException(code,
          nvml.symbol(function) + " failed: " + nvml.describe(result) + " (" + code + ")");
    }
  }

  /** Returns a GPU that a call failed for, with the call and the reason. */
  static NvmlSession.MissingGpu missing(NvmlLibrary nvml, int index, NvmlFunction function, NvmlReturn code) {
    return new NvmlSession.MissingGpu(index, code,
        nvml.symbol(function) + ": " + nvml.describe(code.code()) + " (" + code + ")");
  }

  /** GPU_IS_LOST and GPU_NOT_FOUND concern one GPU; the other lifecycle errors all of NVML. */
  static boolean onlyThisGpu(NvmlReturn code) {
    return code == NvmlReturn.GPU_IS_LOST || code == NvmlReturn.GPU_NOT_FOUND;
  }
}
