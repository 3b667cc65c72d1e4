package dev.gputel.receiver.nvml;

import dev.gputel.spi.data.Severity;

/**
 * The NVML event types the receiver watches (nvml.h {@code nvmlEventType*}): faults, each with the
 * {@code log.kind} and the severity its events get. The others (PState, Clock, power source, MIG
 * configuration) are changes of state, not faults, and are not registered for.
 */
enum NvmlEventType {
  SINGLE_BIT_ECC_ERROR(0x1L, "SingleBitEccError", "ecc-single-bit", Severity.INFO,
      "corrected (single-bit) ECC error"),
  DOUBLE_BIT_ECC_ERROR(0x2L, "DoubleBitEccError", "ecc-double-bit", Severity.ERROR,
      "uncorrected (double-bit) ECC error"),
  // The event's data is the Xid; the xid-classifier processor sets the severity from its policy.
  XID_CRITICAL_ERROR(0x8L, "XidCriticalError", "xid", Severity.ERROR, "Xid"),
  // Like Xids 63 and 64: a row remapped (or page retired) is bookkeeping, a failed one needs a reset.
  DRAM_RETIREMENT_EVENT(0x400L, "DramRetirementEvent", "dram-retirement", Severity.INFO,
      "memory row remapped or page retired"),
  DRAM_RETIREMENT_FAILURE(0x800L, "DramRetirementFailure", "dram-retirement-failure", Severity.ERROR,
      "memory row remapping or page retirement failed"),
  GPU_UNAVAILABLE_ERROR(0x4000L, "GpuUnavailableError", "gpu-unavailable", Severity.ERROR, "GPU unavailable"),
  GPU_RECOVERY_ACTION(0x8000L, "GpuRecoveryAction", "gpu-recovery-action", Severity.ERROR,
      "GPU recovery action required");

  /** Every watched type, as the mask {@code nvmlDeviceRegisterEvents} takes. */
  static final long WATCHED;

  static {
    long mask = 0;
    for (NvmlEventType type : values()) {
      mask |= type.bit;
    }
    WATCHED = mask;
  }

  private final long bit;
  private final String nvmlName;
  private final String kind;
  private final Severity severity;
  private final String description;

  NvmlEventType(long bit, String nvmlName, String kind, Severity severity, String description) {
    this.bit = bit;
    this.nvmlName = nvmlName;
    this.kind = kind;
    this.severity = severity;
    this.description = description;
  }

  /** Returns the watched type of this bit, or null. */
  static NvmlEventType of(long bit) {
    for (NvmlEventType type : values()) {
      if (type.bit == bit) {
        return type;
      }
    }
    return null;
  }

  long bit() {
    return bit;
  }

  /** nvml.h's name without its {@code nvmlEventType} prefix: the {@code nvml.event.type} attribute. */
  String nvmlName() {
    return nvmlName;
  }

  /** The event's {@code log.kind}. */
  String kind() {
    return kind;
  }

  Severity severity() {
    return severity;
  }

  String description() {
    return description;
  }
}
