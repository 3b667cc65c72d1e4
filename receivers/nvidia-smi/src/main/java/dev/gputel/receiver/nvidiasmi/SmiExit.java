package dev.gputel.receiver.nvidiasmi;

/**
 * What an nvidia-smi exit code means, from the RETURN VALUE section of its man page. The {@link
 * #label} is the {@code reason} label of the receiver's failure counter.
 */
enum SmiExit {
  OK(0, "ok", "success"),
  INVALID_ARGUMENT(2, "invalid_argument", "invalid argument or field"),
  NOT_SUPPORTED(3, "not_supported", "the operation is not available on this device"),
  NO_PERMISSION(4, "no_permission", "no permission"),
  NOT_FOUND(6, "not_found", "the queried object was not found"),
  POWER_CABLES(8, "power_cables", "external power cables are not attached"),
  DRIVER_NOT_LOADED(9, "driver_not_loaded", "the NVIDIA driver is not loaded"),
  IRQ_ISSUE(10, "irq_issue", "interrupt issue with the GPU"),
  NVML_NOT_FOUND(12, "nvml_not_found", "the NVML library (libnvidia-ml.so) was not found"),
  NVML_FUNCTION_NOT_FOUND(13, "nvml_function_not_found", "the NVML library lacks a function (driver/library mismatch)"),
  INFOROM_CORRUPTED(14, "inforom_corrupted", "the GPU's infoROM is corrupted"),
  GPU_LOST(15, "gpu_lost", "a GPU fell off the bus or is otherwise inaccessible"),
  OTHER(255, "other_error", "other error or internal driver error"),
  KILLED(-1, "killed", "killed by a signal"),
  UNKNOWN(-2, "unknown_exit", "an exit code nvidia-smi does not document");

  private final int code;
  private final String label;
  private final String meaning;

  SmiExit(int code, String label, String meaning) {
    this.code = code;
    this.label = label;
    this.meaning = meaning;
  }

  /** Returns the meaning of an exit code; above 128 is a signal (128 + its number) on Unix. */
  static SmiExit of(int exitCode) {
    for (SmiExit exit : values()) {
      if (exit.code == exitCode) {
        return exit;
      }
    }
    return exitCode > 128 && exitCode < 255 ? KILLED : UNKNOWN;
  }

  String label() {
    return label;
  }

  /** Describes an exit: "exit code 9 (the NVIDIA driver is not loaded)". */
  static String describe(int exitCode) {
    SmiExit exit = of(exitCode);
    String meaning = exit == KILLED ? "killed by signal " + (exitCode - 128) : exit.meaning;
    return "exit code " + exitCode + " (" + meaning + ")";
  }
}
