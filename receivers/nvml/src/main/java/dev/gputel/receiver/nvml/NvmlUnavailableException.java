package dev.gputel.receiver.nvml;

/** NVML, or one GPU, cannot be read until NVML is initialised again: the reason, and its code. */
final class NvmlUnavailableException extends Exception {
  private static final long serialVersionUID = 1L;

  private final NvmlReturn code;

  NvmlUnavailableException(NvmlReturn code, String reason) {
    super(reason);
    this.code = code;
  }

  NvmlReturn code() {
    return code;
  }
}
