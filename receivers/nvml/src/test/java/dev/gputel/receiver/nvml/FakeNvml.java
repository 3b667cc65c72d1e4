package dev.gputel.receiver.nvml;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.SymbolLookup;
import java.lang.invoke.MethodHandle;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The control functions of the fake NVML (src/test/c/fake_nvml.c), called through FFM. The fake is
 * a real shared library that the build compiles; the receiver loads it as its {@code library}.
 * Holding it loaded here for the whole test run keeps its state when the receiver unloads it.
 */
final class FakeNvml {
  /** Built with every symbol the receiver binds. */
  static final FakeNvml CURRENT = new FakeNvml(path("gputel.fake-nvml"));
  /** Built without the versioned symbols newer drivers added. */
  static final FakeNvml LEGACY = new FakeNvml(path("gputel.fake-nvml-legacy"));

  private final Path library;
  private final MethodHandle reset;
  private final MethodHandle setInitResult;
  private final MethodHandle setGpuLost;
  private final MethodHandle setMigMode;
  private final MethodHandle setResult;
  private final MethodHandle setFieldResult;
  private final MethodHandle callCount;
  private final MethodHandle totalCalls;
  private final MethodHandle initCount;
  private final MethodHandle setSupportedEvents;
  private final MethodHandle pushEvent;
  private final MethodHandle failWaits;
  private final MethodHandle registeredEvents;
  private final MethodHandle eventSets;

  private FakeNvml(Path library) {
    this.library = library;
    SymbolLookup lookup = SymbolLookup.libraryLookup(library, Arena.global());
    this.reset = handle(lookup, "fake_nvml_reset", JAVA_INT, JAVA_INT);
    this.setInitResult = handle(lookup, "fake_nvml_set_init_result", null, JAVA_INT);
    this.setGpuLost = handle(lookup, "fake_nvml_set_gpu_lost", null, JAVA_INT, JAVA_INT);
    this.setMigMode = handle(lookup, "fake_nvml_set_mig_mode", null, JAVA_INT, JAVA_INT);
    this.setResult = handle(lookup, "fake_nvml_set_result", JAVA_INT, ADDRESS, JAVA_INT, JAVA_INT);
    this.setFieldResult = handle(lookup, "fake_nvml_set_field_result", JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT);
    this.callCount = handle(lookup, "fake_nvml_call_count", JAVA_LONG, ADDRESS);
    this.totalCalls = handle(lookup, "fake_nvml_total_calls", JAVA_LONG);
    this.initCount = handle(lookup, "fake_nvml_init_count", JAVA_INT);
    this.setSupportedEvents = handle(lookup, "fake_nvml_set_supported_events", null, JAVA_INT, JAVA_LONG);
    this.pushEvent = handle(lookup, "fake_nvml_push_event", JAVA_INT, JAVA_INT, JAVA_LONG, JAVA_LONG, JAVA_INT, JAVA_INT);
    this.failWaits = handle(lookup, "fake_nvml_fail_waits", null, JAVA_INT, JAVA_INT);
    this.registeredEvents = handle(lookup, "fake_nvml_registered_events", JAVA_LONG, JAVA_INT);
    this.eventSets = handle(lookup, "fake_nvml_event_sets", JAVA_INT);
  }

  /** The library file, for the receiver's {@code library} setting. */
  String path() {
    return library.toString();
  }

  /** Serves {@code gpus} healthy GPUs; NVML uninitialised, nothing scripted, every call count 0. */
  void reset(int gpus) {
    check((int) invoke(reset, gpus), "reset");
  }

  /** What nvmlInit returns from now on. */
  void setInitResult(NvmlReturn result) {
    invoke(setInitResult, result.code());
  }

  void setGpuLost(int gpu, boolean lost) {
    invoke(setGpuLost, gpu, lost ? 1 : 0);
  }

  void setMigMode(int gpu, boolean enabled) {
    invoke(setMigMode, gpu, enabled ? 1 : 0);
  }

  /** Scripts what {@code function} answers for {@code gpu} (-1: every GPU); SUCCESS clears it. */
  void setResult(String function, int gpu, NvmlReturn result) {
    try (Arena arena = Arena.ofConfined()) {
      check((int) invoke(setResult, arena.allocateFrom(function), gpu, result.code()), function);
    }
  }

  /** Scripts what field {@code field} answers in nvmlDeviceGetFieldValues for {@code gpu} (-1: every GPU). */
  void setFieldResult(int gpu, int field, NvmlReturn result) {
    check((int) invoke(setFieldResult, gpu, field, result.code()), "field " + field);
  }

  /** Calls of {@code function} since the last reset. */
  long calls(String function) {
    try (Arena arena = Arena.ofConfined()) {
      long calls = (long) invoke(callCount, arena.allocateFrom(function));
      check(calls < 0 ? -1 : 0, function);
      return calls;
    }
  }

  /** Calls of every NVML function since the last reset. */
  long totalCalls() {
    return (long) invoke(totalCalls);
  }

  /** nvmlInit calls not yet matched by nvmlShutdown. */
  int initCount() {
    return (int) invoke(initCount);
  }

  /** The event types {@code gpu} supports (nvmlDeviceGetSupportedEventTypes). */
  void setSupportedEvents(int gpu, long types) {
    invoke(setSupportedEvents, gpu, types);
  }

  /**
   * Raises an event on {@code gpu}, as the driver would; MIG instance ids -1 when not attributable.
   * Returns how many event sets queued it: 0 when nobody is registered for it.
   */
  int pushEvent(int gpu, NvmlEventType type, long data, int gpuInstance, int computeInstance) {
    int queued = (int) invoke(pushEvent, gpu, type.bit(), data, gpuInstance, computeInstance);
    check(queued < 0 ? -1 : 0, "an event on GPU " + gpu);
    return queued;
  }

  /** The next {@code times} waits for events return {@code result} at once. */
  void failWaits(NvmlReturn result, int times) {
    invoke(failWaits, result.code(), times);
  }

  /** The event types {@code gpu} is registered for on any live event set. */
  long registeredEvents(int gpu) {
    return (long) invoke(registeredEvents, gpu);
  }

  /** Event sets created and not freed. */
  int eventSets() {
    return (int) invoke(eventSets);
  }

  private static Path path(String property) {
    String value = System.getProperty(property);
    if (value == null || !Files.isRegularFile(Path.of(value))) {
      throw new IllegalStateException("system property " + property + " must name the fake NVML library that "
          + "the build compiles (mvn runs it in process-test-classes); it is " + value);
    }
    return Path.of(value);
  }

  private static MethodHandle handle(SymbolLookup lookup, String name, MemoryLayout result, MemoryLayout... arguments) {
    FunctionDescriptor descriptor = result == null
        ? FunctionDescriptor.ofVoid(arguments)
        : FunctionDescriptor.of(result, arguments);
    return Linker.nativeLinker().downcallHandle(lookup.find(name).orElseThrow(), descriptor);
  }

  private static Object invoke(MethodHandle handle, Object... arguments) {
    try {
      return handle.invokeWithArguments(arguments);
    } catch (Throwable e) {
      throw new IllegalStateException(e);
    }
  }

  private static void check(int result, String what) {
    if (result != 0) {
      throw new IllegalArgumentException("the fake NVML rejected " + what);
    }
  }
}
