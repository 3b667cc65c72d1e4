package dev.gputel.receiver.nvml;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.gputel.gpu.GpuIdentityField;
import dev.gputel.spi.data.Attributes;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * NVML loaded and initialised for its event API, with one event set registered for the watched
 * event types of every GPU that supports any. Each GPU's identity is read once, when the session
 * opens, because a failing GPU may no longer answer when its event arrives. Closing frees the set,
 * shuts NVML down and unloads the library. Not thread-safe: the event thread owns it.
 */
final class EventSession implements AutoCloseable {
  /** A GPU NVML counts: its handle, and the attributes its events carry. */
  record Gpu(int index, MemorySegment device, Attributes identity) {}

  /** An event as {@code nvmlEventSetWait} returned it; {@code gpu} is null for a handle the session does not know. */
  record RawEvent(Gpu gpu, long type, long data, int gpuInstance, int computeInstance) {}

  private final NvmlLibrary nvml;
  private final List<Gpu> gpus;
  private final List<NvmlSession.MissingGpu> missing = new ArrayList<>();
  private final List<Gpu> watched = new ArrayList<>();
  private final List<Gpu> unsupported = new ArrayList<>();
  private final MemorySegment out;
  private final MemorySegment data;
  private MemorySegment set;

  private EventSession(NvmlLibrary nvml, List<Gpu> gpus, List<NvmlSession.MissingGpu> missing) {
    this.nvml = nvml;
    this.gpus = gpus;
    this.missing.addAll(missing);
    this.out = nvml.arena().allocate(JAVA_LONG);
    this.data = nvml.arena().allocate(NvmlLayouts.EVENT_DATA);
  }

  /**
   * Loads the library, initialises NVML, reads every GPU's identity and registers the event set.
   *
   * @throws NvmlUnavailableException when the library cannot be loaded, or NVML as a whole fails
   */
  static EventSession open(String library, Logger log) throws NvmlUnavailableException {
    NvmlGpus.Opened<Gpu> opened = NvmlGpus.open(library, log, nvml -> {
      GpuIdentity identity = new GpuIdentity(nvml, nvml.arena());
      return (index, device) -> new Gpu(index, device, eventIdentity(identity.read(device, index, null)));
    });
    EventSession session = new EventSession(opened.nvml(), opened.gpus(), opened.missing());
    try {
      session.register(log);
    } catch (NvmlUnavailableException | RuntimeException e) {
      session.close();
      throw e;
    }
    return session;
  }

  /**
   * Frees the event set and builds it again for the GPUs found at open, without initialising NVML
   * again: what to do when waiting fails.
   *
   * @throws NvmlUnavailableException when NVML as a whole fails; the caller then closes the session
   */
  void rebuild(Logger log) throws NvmlUnavailableException {
    freeSet();
    missing.removeIf(gpu -> gpus.stream().anyMatch(known -> known.index() == gpu.index()));
    register(log);
  }

  /**
   * Waits up to {@code timeoutMs} for an event: SUCCESS (then read it with {@link #event()}),
   * TIMEOUT when none came, or the error.
   */
  NvmlReturn await(int timeoutMs) {
    data.fill((byte) 0);
    // The older nvmlEventSetWait does not fill the instance ids: leave them "not attributable".
    data.set(JAVA_INT, NvmlLayouts.EVENT_GPU_INSTANCE, -1);
    data.set(JAVA_INT, NvmlLayouts.EVENT_COMPUTE_INSTANCE, -1);
    return NvmlReturn.of(nvml.call(NvmlFunction.EVENT_SET_WAIT, set, data, timeoutMs));
  }

  /** The event the last successful {@link #await} returned. */
  RawEvent event() {
    long device = data.get(ADDRESS, NvmlLayouts.EVENT_DEVICE).address();
    Gpu gpu = gpus.stream().filter(g -> g.device().address() == device).findFirst().orElse(null);
    return new RawEvent(gpu, data.get(JAVA_LONG, NvmlLayouts.EVENT_TYPE), data.get(JAVA_LONG, NvmlLayouts.EVENT_DATA_VALUE),
        data.get(JAVA_INT, NvmlLayouts.EVENT_GPU_INSTANCE), data.get(JAVA_INT, NvmlLayouts.EVENT_COMPUTE_INSTANCE));
  }

  /** The GPUs whose events the set receives. */
  List<Gpu> watched() {
    return watched;
  }

  /** GPUs that support none of the watched events, or refused to register them (NOT_SUPPORTED). */
  List<Gpu> unsupported() {
    return unsupported;
  }

  /** GPUs that could not be opened or registered (lost, failing): NVML is to be initialised again for them. */
  List<NvmlSession.MissingGpu> missing() {
    return missing;
  }

  /** All GPUs NVML counts, readable or not. */
  int counted() {
    return gpus.size() + (int) missing.stream().filter(m -> gpus.stream().noneMatch(g -> g.index() == m.index())).count();
  }

  String symbol(NvmlFunction function) {
    return nvml.symbol(function);
  }

  String describe(NvmlReturn code) {
    return nvml.describe(code.code());
  }

  @Override
  public void close() {
    try {
      freeSet();
      nvml.call(NvmlFunction.SHUTDOWN);
    } finally {
      nvml.close();
    }
  }

  private void register(Logger log) throws NvmlUnavailableException {
    watched.clear();
    unsupported.clear();
    NvmlGpus.check(nvml, NvmlFunction.EVENT_SET_CREATE, nvml.call(NvmlFunction.EVENT_SET_CREATE, out));
    set = out.get(ADDRESS, 0);
    for (Gpu gpu : gpus) {
      NvmlReturn code = NvmlReturn.of(nvml.call(NvmlFunction.SUPPORTED_EVENT_TYPES, gpu.device(), out));
      long types;
      if (code == NvmlReturn.SUCCESS) {
        types = out.get(JAVA_LONG, 0) & NvmlEventType.WATCHED;
      } else if (code == NvmlReturn.FUNCTION_NOT_FOUND) {
        // A driver too old to say: ask for the types every driver with events has had.
        types = NvmlEventType.XID_CRITICAL_ERROR.bit() | NvmlEventType.SINGLE_BIT_ECC_ERROR.bit()
            | NvmlEventType.DOUBLE_BIT_ECC_ERROR.bit();
      } else if (code.kind() == NvmlReturn.Kind.NEVER) {
        types = 0;
      } else {
        failed(gpu, NvmlFunction.SUPPORTED_EVENT_TYPES, code);
        continue;
      }
      if (types != 0) {
        code = NvmlReturn.of(nvml.call(NvmlFunction.REGISTER_EVENTS, gpu.device(), types, set));
        if (code != NvmlReturn.SUCCESS && code.kind() != NvmlReturn.Kind.NEVER) {
          failed(gpu, NvmlFunction.REGISTER_EVENTS, code);
          continue;
        }
      }
      if (types == 0 || code != NvmlReturn.SUCCESS) {
        unsupported.add(gpu);
        log.info("GPU {}: no NVML events to watch ({})", gpu.index(), types == 0 ? "it supports none of them" : code);
      } else {
        watched.add(gpu);
      }
    }
  }

  /** A GPU that failed: left out until NVML is initialised again, unless NVML itself failed. */
  private void failed(Gpu gpu, NvmlFunction function, NvmlReturn code) throws NvmlUnavailableException {
    if (code.kind() == NvmlReturn.Kind.LIFECYCLE && !NvmlGpus.onlyThisGpu(code)) {
      NvmlGpus.check(nvml, function, code.code());
    }
    missing.add(NvmlGpus.missing(nvml, gpu.index(), function, code));
  }

  private void freeSet() {
    if (set != null) {
      nvml.call(NvmlFunction.EVENT_SET_FREE, set);
      set = null;
    }
  }



  private static Attributes eventIdentity(Attributes all) {
    Attributes.Builder identity = Attributes.builder();
    for (GpuIdentityField field : List.of(GpuIdentityField.INDEX, GpuIdentityField.UUID, GpuIdentityField.NAME,
        GpuIdentityField.PCI_BUS_ID)) {
      identity.put(field.attribute(), all.get(field.attribute()));
    }
    return identity.build();
  }
}
