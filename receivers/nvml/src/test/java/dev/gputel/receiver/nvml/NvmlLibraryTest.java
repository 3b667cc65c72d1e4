package dev.gputel.receiver.nvml;

import static java.lang.foreign.ValueLayout.JAVA_INT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.foreign.MemorySegment;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NvmlLibraryTest {
  @BeforeEach
  void twoGpus() {
    FakeNvml.CURRENT.reset(2);
    FakeNvml.LEGACY.reset(2);
  }

  @Test
  void bindsTheNewestVersionOfEachSymbol() throws Exception {
    try (NvmlLibrary nvml = NvmlLibrary.load(FakeNvml.CURRENT.path())) {
      assertThat(nvml.symbol(NvmlFunction.INIT)).isEqualTo("nvmlInit_v2");
      assertThat(nvml.symbol(NvmlFunction.DEVICE_COUNT)).isEqualTo("nvmlDeviceGetCount_v2");
      assertThat(nvml.symbol(NvmlFunction.HANDLE_BY_INDEX)).isEqualTo("nvmlDeviceGetHandleByIndex_v2");
      assertThat(nvml.symbol(NvmlFunction.CLOCKS_EVENT_REASONS)).isEqualTo("nvmlDeviceGetCurrentClocksEventReasons");
      assertThat(nvml.symbol(NvmlFunction.EVENT_SET_WAIT)).isEqualTo("nvmlEventSetWait_v2");
      assertThat(nvml.has(NvmlFunction.PCI_INFO_V3)).isTrue();
      assertThat(nvml.has(NvmlFunction.MEMORY_INFO_V2)).isTrue();
      assertThat(NvmlFunction.values()).allSatisfy(function -> assertThat(nvml.has(function)).as(function.name()).isTrue());
    }
  }

  @Test
  void fallsBackToOlderSymbolsAndAnswersFunctionNotFoundForMissingOnes() throws Exception {
    try (NvmlLibrary nvml = NvmlLibrary.load(FakeNvml.LEGACY.path())) {
      assertThat(nvml.symbol(NvmlFunction.INIT)).isEqualTo("nvmlInit");
      assertThat(nvml.symbol(NvmlFunction.DEVICE_COUNT)).isEqualTo("nvmlDeviceGetCount");
      assertThat(nvml.symbol(NvmlFunction.HANDLE_BY_INDEX)).isEqualTo("nvmlDeviceGetHandleByIndex");
      assertThat(nvml.symbol(NvmlFunction.CLOCKS_EVENT_REASONS)).isEqualTo("nvmlDeviceGetCurrentClocksThrottleReasons");
      assertThat(nvml.symbol(NvmlFunction.EVENT_SET_WAIT)).isEqualTo("nvmlEventSetWait");
      assertThat(nvml.has(NvmlFunction.PCI_INFO_V3)).isFalse();
      assertThat(nvml.call(NvmlFunction.MEMORY_INFO_V2, MemorySegment.NULL, MemorySegment.NULL))
          .isEqualTo(NvmlReturn.FUNCTION_NOT_FOUND.code());
    }
  }

  @Test
  void callsReachTheLibraryWithTheirArguments() throws Exception {
    try (NvmlLibrary nvml = NvmlLibrary.load(FakeNvml.CURRENT.path())) {
      assertThat(nvml.call(NvmlFunction.DEVICE_COUNT, nvml.arena().allocate(JAVA_INT)))
          .as("before nvmlInit").isEqualTo(NvmlReturn.UNINITIALIZED.code());
      assertThat(nvml.call(NvmlFunction.INIT)).isZero();
      MemorySegment count = nvml.arena().allocate(JAVA_INT);
      assertThat(nvml.call(NvmlFunction.DEVICE_COUNT, count)).isZero();
      assertThat(count.get(JAVA_INT, 0)).isEqualTo(2);
      assertThat(nvml.call(NvmlFunction.SHUTDOWN)).isZero();
      assertThat(FakeNvml.CURRENT.initCount()).isZero();
    }
  }

  @Test
  void describesReturnCodesInNvmlsWords() throws Exception {
    try (NvmlLibrary nvml = NvmlLibrary.load(FakeNvml.CURRENT.path())) {
      assertThat(nvml.describe(NvmlReturn.DRIVER_NOT_LOADED.code())).isEqualTo("Driver Not Loaded");
      assertThat(nvml.describe(NvmlReturn.GPU_IS_LOST.code())).isEqualTo("GPU is lost");
    }
  }

  @Test
  void aCallWithTheWrongSignatureIsRefusedBeforeItReachesC() throws Exception {
    try (NvmlLibrary nvml = NvmlLibrary.load(FakeNvml.CURRENT.path())) {
      assertThatThrownBy(() -> nvml.call(NvmlFunction.DEVICE_COUNT, MemorySegment.NULL, MemorySegment.NULL))
          .isInstanceOf(IllegalArgumentException.class).hasMessage("DEVICE_COUNT has signature P, called as P_P");
    }
  }

  @Test
  void aMissingFileCannotBeLoaded() {
    assertThatThrownBy(() -> NvmlLibrary.load("/no/such/libnvidia-ml.so.1"))
        .isInstanceOf(NvmlLoadException.class)
        .hasMessage("cannot load /no/such/libnvidia-ml.so.1 (Cannot open library: /no/such/libnvidia-ml.so.1)");
  }
}
