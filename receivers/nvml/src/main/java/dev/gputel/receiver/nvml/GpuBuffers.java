package dev.gputel.receiver.nvml;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * The memory one GPU's reads write into, allocated once when NVML is initialised and reused by
 * every collection, so that reading a GPU allocates no native memory. Queries run one after
 * another and each reading takes its value before the next query overwrites it.
 */
final class GpuBuffers {
  /** Where a query's answer lands: a struct, or up to four 8-byte output slots. */
  final MemorySegment out;
  final MemorySegment slot1;
  final MemorySegment slot2;
  /** True once this GPU answered nvmlDeviceGetMemoryInfo_v2 with "not there": v1 from then on. */
  boolean memoryV1;

  GpuBuffers(Arena arena) {
    this.out = arena.allocate(NvmlLayouts.MEMORY_V2.byteSize(), 8);
    this.slot1 = out.asSlice(8, 8);
    this.slot2 = out.asSlice(16, 8);
  }

  /** An unsigned int at {@code offset} of {@link #out}. */
  double uint(long offset) {
    return Integer.toUnsignedLong(out.get(JAVA_INT, offset));
  }

  /** An unsigned long long at the start of {@link #out}. */
  double ulong() {
    return unsigned(out.get(JAVA_LONG, 0));
  }

  /** Whether a bit of the unsigned long long at the start of {@link #out} is set, as 1 or 0. */
  double bit(long mask) {
    return (out.get(JAVA_LONG, 0) & mask) != 0 ? 1 : 0;
  }

  /**
   * A byte count at {@code offset} of {@link #out} in MiB as nvidia-smi prints it: rounded up, each
   * value on its own (so total, used and free need not add up), as its output shows.
   */
  double mib(long offset) {
    return Math.ceilDiv(out.get(JAVA_LONG, offset), 1L << 20);
  }

  /** A C unsigned 64-bit value as a double (values above 2^63 would otherwise turn negative). */
  static double unsigned(long value) {
    return value >= 0 ? value : (double) (value >>> 1) * 2.0 + (value & 1);
  }
}
