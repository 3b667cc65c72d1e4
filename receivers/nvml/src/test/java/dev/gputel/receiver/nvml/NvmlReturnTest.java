package dev.gputel.receiver.nvml;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class NvmlReturnTest {
  @Test
  void codesAreNvmlsNumbers() {
    assertThat(NvmlReturn.of(0)).isEqualTo(NvmlReturn.SUCCESS);
    assertThat(NvmlReturn.of(3)).isEqualTo(NvmlReturn.NOT_SUPPORTED);
    assertThat(NvmlReturn.of(9)).isEqualTo(NvmlReturn.DRIVER_NOT_LOADED);
    assertThat(NvmlReturn.of(15)).isEqualTo(NvmlReturn.GPU_IS_LOST);
    assertThat(NvmlReturn.of(28)).isEqualTo(NvmlReturn.GPU_NOT_FOUND);
    assertThat(NvmlReturn.of(30)).isEqualTo(NvmlReturn.RESET_TYPE_NOT_SUPPORTED);
    assertThat(NvmlReturn.of(999)).isEqualTo(NvmlReturn.UNKNOWN);
    assertThat(NvmlReturn.of(31)).as("a code newer than this table").isEqualTo(NvmlReturn.UNKNOWN);
    assertThat(Arrays.stream(NvmlReturn.values()).map(NvmlReturn::code)).doesNotHaveDuplicates();
  }

  @Test
  void lifecycleErrorsAreTheOnesThatNeedNvmlInitialisedAgain() {
    assertThat(Arrays.stream(NvmlReturn.values()).filter(r -> r.kind() == NvmlReturn.Kind.LIFECYCLE))
        .containsExactlyInAnyOrder(NvmlReturn.UNINITIALIZED, NvmlReturn.DRIVER_NOT_LOADED,
            NvmlReturn.LIBRARY_NOT_FOUND, NvmlReturn.GPU_IS_LOST, NvmlReturn.LIB_RM_VERSION_MISMATCH,
            NvmlReturn.GPU_NOT_FOUND);
  }

  @Test
  void absenceIsNotAnError() {
    assertThat(NvmlReturn.NOT_SUPPORTED.kind()).isEqualTo(NvmlReturn.Kind.NEVER);
    assertThat(NvmlReturn.FUNCTION_NOT_FOUND.kind()).isEqualTo(NvmlReturn.Kind.NEVER);
    assertThat(NvmlReturn.DEPRECATED.kind()).isEqualTo(NvmlReturn.Kind.NEVER);
    assertThat(NvmlReturn.NO_PERMISSION.kind()).isEqualTo(NvmlReturn.Kind.ABSENT);
    assertThat(NvmlReturn.UNKNOWN.kind()).isEqualTo(NvmlReturn.Kind.ERROR);
  }
}
