package dev.gputel.receiver.nvml;

/**
 * NVML's return codes ({@code nvmlReturn_t}) and what the receiver does about each: a value that
 * is not there, a GPU or library that must be initialised again, or a failed read.
 */
enum NvmlReturn {
  SUCCESS(0, Kind.OK),
  UNINITIALIZED(1, Kind.LIFECYCLE),
  INVALID_ARGUMENT(2, Kind.ERROR),
  NOT_SUPPORTED(3, Kind.NEVER),
  NO_PERMISSION(4, Kind.ABSENT),
  ALREADY_INITIALIZED(5, Kind.ERROR),
  NOT_FOUND(6, Kind.ERROR),
  INSUFFICIENT_SIZE(7, Kind.ERROR),
  INSUFFICIENT_POWER(8, Kind.ERROR),
  DRIVER_NOT_LOADED(9, Kind.LIFECYCLE),
  TIMEOUT(10, Kind.ERROR),
  IRQ_ISSUE(11, Kind.ERROR),
  LIBRARY_NOT_FOUND(12, Kind.LIFECYCLE),
  FUNCTION_NOT_FOUND(13, Kind.NEVER),
  CORRUPTED_INFOROM(14, Kind.ERROR),
  GPU_IS_LOST(15, Kind.LIFECYCLE),
  RESET_REQUIRED(16, Kind.ERROR),
  OPERATING_SYSTEM(17, Kind.ERROR),
  LIB_RM_VERSION_MISMATCH(18, Kind.LIFECYCLE),
  IN_USE(19, Kind.ERROR),
  MEMORY(20, Kind.ERROR),
  NO_DATA(21, Kind.ABSENT),
  VGPU_ECC_NOT_SUPPORTED(22, Kind.NEVER),
  INSUFFICIENT_RESOURCES(23, Kind.ERROR),
  FREQ_NOT_SUPPORTED(24, Kind.ERROR),
  ARGUMENT_VERSION_MISMATCH(25, Kind.ERROR),
  DEPRECATED(26, Kind.NEVER),
  NOT_READY(27, Kind.ABSENT),
  GPU_NOT_FOUND(28, Kind.LIFECYCLE),
  INVALID_STATE(29, Kind.ERROR),
  RESET_TYPE_NOT_SUPPORTED(30, Kind.ERROR),
  UNKNOWN(999, Kind.ERROR);

  /** What a return code means for the value asked for. */
  enum Kind {
    /** The value is there. */
    OK,
    /** No value this time, and none will come from this GPU and driver: stop asking. */
    NEVER,
    /** No value this time, which is not an error (no permission, no data yet). */
    ABSENT,
    /** The library, the driver or the GPU is gone: initialise NVML again, with backoff. */
    LIFECYCLE,
    /** The read failed: no value this time, counted. */
    ERROR
  }

  private static final NvmlReturn[] ALL = values();

  private final int code;
  private final Kind kind;

  NvmlReturn(int code, Kind kind) {
    this.code = code;
    this.kind = kind;
  }

  int code() {
    return code;
  }

  Kind kind() {
    return kind;
  }

  /** Returns the constant for a code; codes this table does not know are {@link #UNKNOWN}. */
  static NvmlReturn of(int code) {
    for (NvmlReturn value : ALL) {
      if (value.code == code) {
        return value;
      }
    }
    return UNKNOWN;
  }
}
