package dev.gputel.receiver.nvml;

/** The NVML library could not be loaded: missing, not loadable, or not NVML. */
final class NvmlLoadException extends Exception {
  private static final long serialVersionUID = 1L;

  NvmlLoadException(String message) {
    super(message);
  }
}
