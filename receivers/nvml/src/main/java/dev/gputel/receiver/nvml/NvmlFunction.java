package dev.gputel.receiver.nvml;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.invoke.MethodHandle;
import java.util.List;

/**
 * The NVML functions the receiver calls, each with the symbols to look for, newest first: nvml.h
 * maps the plain names onto the versioned ones, and an older driver has only the older ones.
 */
enum NvmlFunction {
  INIT(Shape.NONE, "nvmlInit_v2", "nvmlInit"),
  SHUTDOWN(Shape.NONE, "nvmlShutdown"),
  DRIVER_VERSION(Shape.P_I, "nvmlSystemGetDriverVersion"),
  DEVICE_COUNT(Shape.P, "nvmlDeviceGetCount_v2", "nvmlDeviceGetCount"),
  HANDLE_BY_INDEX(Shape.I_P, "nvmlDeviceGetHandleByIndex_v2", "nvmlDeviceGetHandleByIndex"),
  NAME(Shape.P_P_I, "nvmlDeviceGetName"),
  UUID(Shape.P_P_I, "nvmlDeviceGetUUID"),
  SERIAL(Shape.P_P_I, "nvmlDeviceGetSerial"),
  VBIOS_VERSION(Shape.P_P_I, "nvmlDeviceGetVbiosVersion"),
  PCI_INFO_V3(Shape.P_P, "nvmlDeviceGetPciInfo_v3"),
  PCI_INFO_V2(Shape.P_P, "nvmlDeviceGetPciInfo_v2"),
  ARCHITECTURE(Shape.P_P, "nvmlDeviceGetArchitecture"),
  MIG_MODE(Shape.P_P_P, "nvmlDeviceGetMigMode"),
  UTILIZATION_RATES(Shape.P_P, "nvmlDeviceGetUtilizationRates"),
  MEMORY_INFO_V2(Shape.P_P, "nvmlDeviceGetMemoryInfo_v2"),
  MEMORY_INFO(Shape.P_P, "nvmlDeviceGetMemoryInfo"),
  POWER_USAGE(Shape.P_P, "nvmlDeviceGetPowerUsage"),
  POWER_LIMIT(Shape.P_P, "nvmlDeviceGetPowerManagementLimit"),
  POWER_DEFAULT_LIMIT(Shape.P_P, "nvmlDeviceGetPowerManagementDefaultLimit"),
  POWER_LIMIT_CONSTRAINTS(Shape.P_P_P, "nvmlDeviceGetPowerManagementLimitConstraints"),
  ENFORCED_POWER_LIMIT(Shape.P_P, "nvmlDeviceGetEnforcedPowerLimit"),
  TEMPERATURE(Shape.P_I_P, "nvmlDeviceGetTemperature"),
  FAN_SPEED(Shape.P_P, "nvmlDeviceGetFanSpeed"),
  // Newer drivers renamed "throttle reasons" to "clocks event reasons"; same signature and bits.
  CLOCKS_EVENT_REASONS(Shape.P_P, "nvmlDeviceGetCurrentClocksEventReasons", "nvmlDeviceGetCurrentClocksThrottleReasons"),
  CLOCK_INFO(Shape.P_I_P, "nvmlDeviceGetClockInfo"),
  PCIE_LINK_GENERATION(Shape.P_P, "nvmlDeviceGetCurrPcieLinkGeneration"),
  PCIE_LINK_WIDTH(Shape.P_P, "nvmlDeviceGetCurrPcieLinkWidth"),
  ENCODER_STATS(Shape.P_P_P_P, "nvmlDeviceGetEncoderStats"),
  ENCODER_UTILIZATION(Shape.P_P_P, "nvmlDeviceGetEncoderUtilization"),
  DECODER_UTILIZATION(Shape.P_P_P, "nvmlDeviceGetDecoderUtilization"),
  FIELD_VALUES(Shape.P_I_P, "nvmlDeviceGetFieldValues"),
  EVENT_SET_CREATE(Shape.P, "nvmlEventSetCreate"),
  EVENT_SET_FREE(Shape.P, "nvmlEventSetFree"),
  SUPPORTED_EVENT_TYPES(Shape.P_P, "nvmlDeviceGetSupportedEventTypes"),
  REGISTER_EVENTS(Shape.P_L_P, "nvmlDeviceRegisterEvents"),
  // _v2 fills nvmlEventData_t up to the MIG instance ids; the older one stops before them.
  EVENT_SET_WAIT(Shape.P_P_I, "nvmlEventSetWait_v2", "nvmlEventSetWait");

  /**
   * The C signatures, by argument list (P a pointer, I an int, L an {@code unsigned long long});
   * every function returns an {@code nvmlReturn_t}. One downcall handle per signature, taking the
   * function's address first, serves every function of that signature.
   */
  enum Shape {
    NONE(),
    P(ADDRESS),
    I_P(JAVA_INT, ADDRESS),
    P_I(ADDRESS, JAVA_INT),
    P_P(ADDRESS, ADDRESS),
    P_P_I(ADDRESS, ADDRESS, JAVA_INT),
    P_I_P(ADDRESS, JAVA_INT, ADDRESS),
    P_P_P(ADDRESS, ADDRESS, ADDRESS),
    P_P_P_P(ADDRESS, ADDRESS, ADDRESS, ADDRESS),
    P_L_P(ADDRESS, JAVA_LONG, ADDRESS);

    final MethodHandle handle;

    Shape(MemoryLayout... arguments) {
      this.handle = Linker.nativeLinker().downcallHandle(FunctionDescriptor.of(JAVA_INT, arguments));
    }
  }

  private final Shape shape;
  private final List<String> symbols;

  NvmlFunction(Shape shape, String... symbols) {
    this.shape = shape;
    this.symbols = List.of(symbols);
  }

  Shape shape() {
    return shape;
  }

  /** The symbols that implement this function, newest first. */
  List<String> symbols() {
    return symbols;
  }
}
