package dev.gputel.xid;

/**
 * Answers which GPU sits at a PCI address. The xid-classifier processor asks it for every Xid; a
 * GPU metrics receiver (nvml, nvidia-smi) that learns the identities at start-up is the natural
 * implementation. Implementations must be thread-safe and quick (a map lookup): the processor calls
 * them on the receiver's thread.
 */
@FunctionalInterface
public interface GpuIdentitySource {

  /** Returns what is known about the GPU at {@code busId} (function 0), or null. */
  GpuIdentity find(PciBusId busId);

  /** Returns a source that knows nothing. */
  static GpuIdentitySource none() {
    return busId -> null;
  }
}
