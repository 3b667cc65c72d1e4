package dev.gputel.receiver.nvml;

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
    NvmlGpus.Opened<GpuReader> opened = NvmlGpus.open(library, log, nvml -> {
      GpuIdentity identity = new GpuIdentity(nvml, nvml.arena());
      String driverVersion = identity.driverVersion();
      return (index, device) -> new GpuReader(index, device, identity.read(device, index, driverVersion), nvml,
          nvml.arena(), wanted, outcomes);
    });
    return new NvmlSession(opened.nvml(), opened.gpus(), List.copyOf(opened.missing()));
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
