package dev.gputel.receiver.nvml;

import static java.lang.foreign.MemoryLayout.PathElement.groupElement;
import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_DOUBLE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;
import static java.lang.foreign.ValueLayout.JAVA_SHORT;

import java.lang.foreign.MemoryLayout;
import java.lang.foreign.StructLayout;

/**
 * The NVML structs the receiver passes, laid out as nvml.h declares them on LP64 Linux. Padding is
 * spelt out, so that a layout that disagrees with the C compiler fails its test, not a GPU read.
 */
final class NvmlLayouts {
  /** {@code nvmlPciInfo_t} as filled by {@code nvmlDeviceGetPciInfo_v3}; {@code _v2} fills the first 36 bytes alike. */
  static final StructLayout PCI_INFO = MemoryLayout.structLayout(
      MemoryLayout.sequenceLayout(16, JAVA_BYTE).withName("busIdLegacy"),
      JAVA_INT.withName("domain"),
      JAVA_INT.withName("bus"),
      JAVA_INT.withName("device"),
      JAVA_INT.withName("pciDeviceId"),
      JAVA_INT.withName("pciSubSystemId"),
      MemoryLayout.sequenceLayout(32, JAVA_BYTE).withName("busId")).withName("nvmlPciInfo_t");

  static final StructLayout UTILIZATION = MemoryLayout.structLayout(
      JAVA_INT.withName("gpu"),
      JAVA_INT.withName("memory")).withName("nvmlUtilization_t");

  /** {@code nvmlMemory_t}: {@code used} includes the memory the driver reserves. */
  static final StructLayout MEMORY = MemoryLayout.structLayout(
      JAVA_LONG.withName("total"),
      JAVA_LONG.withName("free"),
      JAVA_LONG.withName("used")).withName("nvmlMemory_t");

  static final StructLayout MEMORY_V2 = MemoryLayout.structLayout(
      JAVA_INT.withName("version"),
      MemoryLayout.paddingLayout(4),
      JAVA_LONG.withName("total"),
      JAVA_LONG.withName("reserved"),
      JAVA_LONG.withName("free"),
      JAVA_LONG.withName("used")).withName("nvmlMemory_v2_t");

  static final StructLayout FIELD_VALUE = MemoryLayout.structLayout(
      JAVA_INT.withName("fieldId"),
      JAVA_INT.withName("scopeId"),
      JAVA_LONG.withName("timestamp"),
      JAVA_LONG.withName("latencyUsec"),
      JAVA_INT.withName("valueType"),
      JAVA_INT.withName("nvmlReturn"),
      MemoryLayout.unionLayout(
          JAVA_DOUBLE.withName("dVal"),
          JAVA_INT.withName("uiVal"),
          JAVA_LONG.withName("ulVal"),
          JAVA_LONG.withName("ullVal"),
          JAVA_LONG.withName("sllVal"),
          JAVA_INT.withName("siVal"),
          JAVA_SHORT.withName("usVal")).withName("value")).withName("nvmlFieldValue_t");

  /**
   * {@code nvmlEventData_t} as {@code nvmlEventSetWait_v2} fills it; the instance ids are 0xFFFFFFFF
   * when the event is not attributable to a MIG instance, and the older wait stops before them.
   */
  static final StructLayout EVENT_DATA = MemoryLayout.structLayout(
      ADDRESS.withName("device"),
      JAVA_LONG.withName("eventType"),
      JAVA_LONG.withName("eventData"),
      JAVA_INT.withName("gpuInstanceId"),
      JAVA_INT.withName("computeInstanceId")).withName("nvmlEventData_t");

  static final long PCI_DOMAIN = offset(PCI_INFO, "domain");
  static final long PCI_BUS = offset(PCI_INFO, "bus");
  static final long PCI_DEVICE = offset(PCI_INFO, "device");
  static final long PCI_BUS_ID = offset(PCI_INFO, "busId");
  static final long UTILIZATION_GPU = offset(UTILIZATION, "gpu");
  static final long UTILIZATION_MEMORY = offset(UTILIZATION, "memory");
  static final long MEMORY_TOTAL = offset(MEMORY, "total");
  static final long MEMORY_FREE = offset(MEMORY, "free");
  static final long MEMORY_USED = offset(MEMORY, "used");
  static final long MEMORY_V2_VERSION = offset(MEMORY_V2, "version");
  static final long MEMORY_V2_TOTAL = offset(MEMORY_V2, "total");
  static final long MEMORY_V2_RESERVED = offset(MEMORY_V2, "reserved");
  static final long MEMORY_V2_FREE = offset(MEMORY_V2, "free");
  static final long MEMORY_V2_USED = offset(MEMORY_V2, "used");
  static final long FIELD_ID = offset(FIELD_VALUE, "fieldId");
  static final long FIELD_SCOPE_ID = offset(FIELD_VALUE, "scopeId");
  static final long FIELD_VALUE_TYPE = offset(FIELD_VALUE, "valueType");
  static final long FIELD_RETURN = offset(FIELD_VALUE, "nvmlReturn");
  static final long FIELD_VALUE_UNION = offset(FIELD_VALUE, "value");
  static final long EVENT_DEVICE = offset(EVENT_DATA, "device");
  static final long EVENT_TYPE = offset(EVENT_DATA, "eventType");
  static final long EVENT_DATA_VALUE = offset(EVENT_DATA, "eventData");
  static final long EVENT_GPU_INSTANCE = offset(EVENT_DATA, "gpuInstanceId");
  static final long EVENT_COMPUTE_INSTANCE = offset(EVENT_DATA, "computeInstanceId");

  /** {@code nvmlMemory_v2}: NVML_STRUCT_VERSION(Memory, 2) = sizeof | 2 << 24 = 0x02000028. */
  static final int MEMORY_V2_STRUCT_VERSION = (int) MEMORY_V2.byteSize() | 2 << 24;

  /** Buffer sizes nvml.h guarantees to be large enough (NVML_*_BUFFER_SIZE, the _V2 ones where there are two). */
  static final int DRIVER_VERSION_BUFFER = 80;
  static final int NAME_BUFFER = 96;
  static final int UUID_BUFFER = 96;
  static final int SERIAL_BUFFER = 30;
  static final int VBIOS_BUFFER = 32;

  private NvmlLayouts() {}

  private static long offset(StructLayout layout, String field) {
    return layout.byteOffset(groupElement(field));
  }
}
