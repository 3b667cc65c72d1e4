package dev.gputel.receiver.nvml;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.foreign.StructLayout;
import org.junit.jupiter.api.Test;

/**
 * The struct layouts against nvml.h as compiled for LP64 Linux (sizes and offsets from the NVML
 * fact sheet, section 3.3; the fake library's _Static_asserts check the same numbers in C).
 */
class NvmlLayoutsTest {
  @Test
  void pciInfoV3() {
    assertLayout(NvmlLayouts.PCI_INFO, 68, "busIdLegacy", 0, "domain", 16, "bus", 20, "device", 24,
        "pciDeviceId", 28, "pciSubSystemId", 32, "busId", 36);
  }

  @Test
  void utilization() {
    assertLayout(NvmlLayouts.UTILIZATION, 8, "gpu", 0, "memory", 4);
  }

  @Test
  void memoryV1() {
    assertLayout(NvmlLayouts.MEMORY, 24, "total", 0, "free", 8, "used", 16);
  }

  @Test
  void memoryV2HasFourBytesOfPaddingAfterItsVersion() {
    assertLayout(NvmlLayouts.MEMORY_V2, 40, "version", 0, "total", 8, "reserved", 16, "free", 24, "used", 32);
    assertThat(NvmlLayouts.MEMORY_V2_STRUCT_VERSION).as("NVML_STRUCT_VERSION(Memory, 2)").isEqualTo(0x02000028);
  }

  @Test
  void fieldValue() {
    assertLayout(NvmlLayouts.FIELD_VALUE, 40, "fieldId", 0, "scopeId", 4, "timestamp", 8, "latencyUsec", 16,
        "valueType", 24, "nvmlReturn", 28, "value", 32);
    assertThat(NvmlLayouts.FIELD_VALUE.byteAlignment()).as("an array of them is 8-aligned").isEqualTo(8);
  }

  @Test
  void eventDataWithTheMigInstanceIdsOfWaitV2() {
    assertLayout(NvmlLayouts.EVENT_DATA, 32, "device", 0, "eventType", 8, "eventData", 16, "gpuInstanceId", 24,
        "computeInstanceId", 28);
  }

  private static void assertLayout(StructLayout layout, long size, Object... fieldsAndOffsets) {
    assertThat(layout.byteSize()).as(layout.name().orElseThrow() + " size").isEqualTo(size);
    for (int i = 0; i < fieldsAndOffsets.length; i += 2) {
      String field = (String) fieldsAndOffsets[i];
      assertThat(layout.byteOffset(groupElement(field))).as(field).isEqualTo(((Integer) fieldsAndOffsets[i + 1]).longValue());
    }
  }
}
