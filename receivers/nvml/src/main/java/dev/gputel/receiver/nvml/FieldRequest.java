package dev.gputel.receiver.nvml;

import static dev.gputel.receiver.nvml.NvmlLayouts.FIELD_ID;
import static dev.gputel.receiver.nvml.NvmlLayouts.FIELD_RETURN;
import static dev.gputel.receiver.nvml.NvmlLayouts.FIELD_SCOPE_ID;
import static dev.gputel.receiver.nvml.NvmlLayouts.FIELD_VALUE;
import static dev.gputel.receiver.nvml.NvmlLayouts.FIELD_VALUE_TYPE;
import static dev.gputel.receiver.nvml.NvmlLayouts.FIELD_VALUE_UNION;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import java.util.ArrayList;
import java.util.List;

/**
 * One GPU's {@code nvmlDeviceGetFieldValues} request: every wanted field in one call, in an array
 * allocated once. A field the GPU says it will never have is taken out of the request, so later
 * calls do not ask for it.
 */
final class FieldRequest {
  private static final long STRIDE = FIELD_VALUE.byteSize();

  private final MemorySegment values;
  private final List<Wanted> fields;
  private final boolean[] dropped;

  /** @param fields the wanted metrics whose readers are {@link NvmlReader.Field}s */
  FieldRequest(Arena arena, List<Wanted> fields) {
    this.fields = new ArrayList<>(fields);
    this.values = arena.allocate(FIELD_VALUE, Math.max(1, fields.size()));
    this.dropped = new boolean[fields.size()];
  }

  int size() {
    return fields.size();
  }

  Wanted field(int i) {
    return fields.get(i);
  }

  /** Asks for every field still in the request; returns the call's nvmlReturn_t. */
  int run(NvmlLibrary nvml, MemorySegment device) {
    for (int i = 0; i < fields.size(); i++) {
      // Inputs, set on every call: the library writes the rest of the entry.
      values.set(JAVA_INT, i * STRIDE + FIELD_ID, ((NvmlReader.Field) fields.get(i).reader()).id());
      values.set(JAVA_INT, i * STRIDE + FIELD_SCOPE_ID, 0);
    }
    return nvml.call(NvmlFunction.FIELD_VALUES, device, fields.size(), values);
  }

  /** The nvmlReturn_t of entry {@code i} after {@link #run}. */
  int result(int i) {
    return values.get(JAVA_INT, i * STRIDE + FIELD_RETURN);
  }

  /** The value of entry {@code i} after a successful {@link #run}, in the catalog's unit. */
  double value(int i) {
    return decode(values, i * STRIDE) / ((NvmlReader.Field) fields.get(i).reader()).divisor();
  }

  /** The {@code value} union of the entry at {@code base}, by its {@code valueType}; NaN for a type NVML did not have when this was written. */
  static double decode(MemorySegment values, long base) {
    long value = base + FIELD_VALUE_UNION;
    return switch (values.get(JAVA_INT, base + FIELD_VALUE_TYPE)) {
      case 0 -> values.get(JAVA_DOUBLE, value);
      case 1 -> Integer.toUnsignedLong(values.get(JAVA_INT, value));
      case 2, 3 -> GpuBuffers.unsigned(values.get(JAVA_LONG, value));
      case 4 -> values.get(JAVA_LONG, value);
      case 5 -> values.get(JAVA_INT, value);
      case 6 -> Short.toUnsignedInt(values.get(JAVA_SHORT, value));
      default -> Double.NaN;
    };
  }

  /** Takes every field out of the request: the GPU cannot answer the call at all. */
  void clear() {
    fields.clear();
  }

  /**
   * Marks entry {@code i} to be taken out of the request (and so out of every later call) by
   * {@link #dropMarked}, which is called after the results of this call have been read: the
   * results stay where the call put them until then.
   */
  void mark(int i) {
    dropped[i] = true;
  }

  void dropMarked() {
    for (int i = fields.size() - 1; i >= 0; i--) {
      if (dropped[i]) {
        fields.remove(i);
        dropped[i] = false;
      }
    }
  }
}
