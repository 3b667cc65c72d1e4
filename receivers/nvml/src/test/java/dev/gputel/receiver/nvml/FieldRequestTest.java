package dev.gputel.receiver.nvml;

import static dev.gputel.receiver.nvml.NvmlLayouts.FIELD_VALUE;
import static dev.gputel.receiver.nvml.NvmlLayouts.FIELD_VALUE_TYPE;
import static dev.gputel.receiver.nvml.NvmlLayouts.FIELD_VALUE_UNION;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.Test;

/** Decoding nvmlValue_t by nvmlValueType_t, including the types the fake library never serves. */
class FieldRequestTest {
  @Test
  void everyValueTypeIsDecoded() {
    try (Arena arena = Arena.ofConfined()) {
      MemorySegment entry = arena.allocate(FIELD_VALUE);
      assertThat(decode(entry, 0, s -> s.set(JAVA_DOUBLE, FIELD_VALUE_UNION, 41.5))).isEqualTo(41.5);
      assertThat(decode(entry, 1, s -> s.set(JAVA_INT, FIELD_VALUE_UNION, -1))).as("unsigned int").isEqualTo(4294967295.0);
      assertThat(decode(entry, 2, s -> s.set(JAVA_LONG, FIELD_VALUE_UNION, 7L))).isEqualTo(7.0);
      assertThat(decode(entry, 3, s -> s.set(JAVA_LONG, FIELD_VALUE_UNION, -1L))).as("unsigned long long")
          .isEqualTo(18446744073709551615.0);
      assertThat(decode(entry, 4, s -> s.set(JAVA_LONG, FIELD_VALUE_UNION, -5L))).isEqualTo(-5.0);
      assertThat(decode(entry, 5, s -> s.set(JAVA_INT, FIELD_VALUE_UNION, -3))).isEqualTo(-3.0);
      assertThat(decode(entry, 6, s -> s.set(JAVA_SHORT, FIELD_VALUE_UNION, (short) -1))).isEqualTo(65535.0);
      assertThat(decode(entry, 7, s -> s.set(JAVA_LONG, FIELD_VALUE_UNION, 1L))).as("a type from the future").isNaN();
    }
  }

  private static double decode(MemorySegment entry, int type, java.util.function.Consumer<MemorySegment> value) {
    entry.fill((byte) 0);
    entry.set(JAVA_INT, FIELD_VALUE_TYPE, type);
    value.accept(entry);
    return FieldRequest.decode(entry, 0);
  }
}
