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
      List<Gpu> gpus = new ArrayList<>();
      List<NvmlSession.MissingGpu> missing = new ArrayList<>();
      for (int index = 0; index < count; index++) {
        NvmlReturn code = NvmlReturn.of(nvml.call(NvmlFunction.HANDLE_BY_INDEX, index, out));
        if (code == NvmlReturn.NO_PERMISSION) {
          continue; // another container's GPU: not ours to watch
        }
        if (code != NvmlReturn.SUCCESS) {
          missing.add(missing(nvml, index, NvmlFunction.HANDLE_BY_INDEX, code));
          continue;
        }
        MemorySegment device = out.get(ADDRESS, 0);
        try {
          gpus.add(new Gpu(index, device, eventIdentity(identity.read(device, index, null))));
        } catch (NvmlUnavailableException e) {
          if (!onlyThisGpu(e.code())) {
            throw e;
          }
          missing.add(new NvmlSession.MissingGpu(index, e.code(), e.getMessage()));
        }
      }
      EventSession session = new EventSession(nvml, List.copyOf(gpus), missing);
      try {
        session.register(log);
      } catch (NvmlUnavailableException | RuntimeException e) {
        session.freeSet();
        throw e;
      }
      return session;
    } catch (NvmlUnavailableException | RuntimeException e) {
      if (initialised) {
        nvml.call(NvmlFunction.SHUTDOWN);
      }
      nvml.close();
      throw e;
    }
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
    check(nvml, NvmlFunction.EVENT_SET_CREATE, nvml.call(NvmlFunction.EVENT_SET_CREATE, out));
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
    if (code.kind() == NvmlReturn.Kind.LIFECYCLE && !onlyThisGpu(code)) {
      throw new NvmlUnavailableException(code,
          nvml.symbol(function) + " failed: " + nvml.describe(code.code()) + " (" + code + ")");
    }
    missing.add(new NvmlSession.MissingGpu(gpu.index(), code, nvml.symbol(function) + ": "
        + nvml.describe(code.code()) + " (" + code + ")"));
  }

  private void freeSet() {
    if (set != null) {
      nvml.call(NvmlFunction.EVENT_SET_FREE, set);
      set = null;
    }
  }

  private static NvmlSession.MissingGpu missing(NvmlLibrary nvml, int index, NvmlFunction function, NvmlReturn code) {
    return new NvmlSession.MissingGpu(index, code, nvml.symbol(function) + ": " + nvml.describe(code.code()) + " (" + code + ")");
  }

  /** GPU_IS_LOST and GPU_NOT_FOUND concern one GPU; the other lifecycle errors all of NVML. */
  private static boolean onlyThisGpu(NvmlReturn code) {
    return code == NvmlReturn.GPU_IS_LOST || code == NvmlReturn.GPU_NOT_FOUND;
  }

  private static Attributes eventIdentity(Attributes all) {
    Attributes.Builder identity = Attributes.builder();
    for (GpuIdentityField field : List.of(GpuIdentityField.INDEX, GpuIdentityField.UUID, GpuIdentityField.NAME,
        GpuIdentityField.PCI_BUS_ID)) {
      identity.put(field.attribute(), all.get(field.attribute()));
    }
    return identity.build();
  }

  private static void check(NvmlLibrary nvml, NvmlFunction function, int result) throws NvmlUnavailableException {
    if (result != 0) {
      NvmlReturn code = NvmlReturn.of(result);
      throw new NvmlUnavailableException(code,
          nvml.symbol(function) + " failed: " + nvml.describe(result) + " (" + code + ")");
    }
  }
}
