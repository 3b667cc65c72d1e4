package dev.gputel.receiver.nvidiasmi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SmiExitTest {
  @Test
  void exitCodesMapToTheManPagesReasons() {
    assertThat(SmiExit.of(9)).isEqualTo(SmiExit.DRIVER_NOT_LOADED);
    assertThat(SmiExit.of(12)).isEqualTo(SmiExit.NVML_NOT_FOUND);
    assertThat(SmiExit.of(15)).isEqualTo(SmiExit.GPU_LOST);
    assertThat(SmiExit.of(255)).isEqualTo(SmiExit.OTHER);
    assertThat(SmiExit.of(137)).isEqualTo(SmiExit.KILLED);
    assertThat(SmiExit.of(42)).isEqualTo(SmiExit.UNKNOWN);
  }

  @Test
  void describesTheCodeAndWhatItMeans() {
    assertThat(SmiExit.describe(9)).isEqualTo("exit code 9 (the NVIDIA driver is not loaded)");
    assertThat(SmiExit.describe(15)).isEqualTo("exit code 15 (a GPU fell off the bus or is otherwise inaccessible)");
    assertThat(SmiExit.describe(137)).isEqualTo("exit code 137 (killed by signal 9)");
  }
}
