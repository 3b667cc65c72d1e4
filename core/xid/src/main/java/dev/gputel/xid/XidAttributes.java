package dev.gputel.xid;

/**
 * The event attribute keys of Xid and SXid events, shared by the kernel-log receiver (which may set
 * the first group) and the xid-classifier processor (which sets the rest, and parses the body when
 * the receiver set none). Keys follow OpenTelemetry semantic conventions where one exists
 * ({@code process.pid}, {@code hw.id}); the {@code gpu.*}, {@code xid.*} and {@code sxid.*} names
 * are gputel's own.
 */
public final class XidAttributes {
  private XidAttributes() {}

  // Set by a receiver that parsed the line already; the processor parses the body when they are absent.

  /** What the event is: {@code xid}, {@code sxid} or {@code gpu-log} ({@link LineKind#id()}). */
  public static final String LOG_KIND = "log.kind";
  /** The Xid number (long). */
  public static final String XID_CODE = "xid.code";
  /** The SXid number (long). */
  public static final String SXID_CODE = "sxid.code";
  /** The GPU's (or NVSwitch's) PCI address in nvidia-smi's form, {@code 00000000:3B:00.0}. */
  public static final String PCI_BUS_ID = "gpu.pci.bus_id";
  /** The id of the boot the line was logged in ({@code _BOOT_ID}, {@code /proc/sys/kernel/random/boot_id}). */
  public static final String BOOT_ID = "host.boot.id";
  /** The kernel's time since boot in microseconds ({@code _SOURCE_MONOTONIC_TIMESTAMP}, /dev/kmsg), long. */
  public static final String KERNEL_UPTIME_US = "kernel.uptime_us";
  /** The wall time the line's prefix states with a zone (ISO-8601), when it has one. */
  public static final String KERNEL_TIME = "kernel.time";
  /**
   * Where the report was read: {@code nvml} for an event from NVML's event API (nvml receiver),
   * which the processor pairs with the kernel-log line of the same Xid to count it once.
   */
  public static final String LOG_SOURCE = "log.source";

  // Set by the xid-classifier processor.

  /** The device id exactly as the line prints it, {@code 0000:3b:00}. */
  public static final String PCI_PRINTED = "xid.pci";
  /** The GPU's index as nvidia-smi numbers it (long). */
  public static final String GPU_INDEX = "gpu.index";
  /** The GPU's UUID, {@code GPU-...}. */
  public static final String GPU_UUID = "hw.id";
  /** The GPU's product name. */
  public static final String GPU_NAME = "hw.model";
  /** The MIG GPU instance of the line (long). */
  public static final String MIG_GPU_INSTANCE = "gpu.mig.gpu_instance";
  /** The MIG compute instance of the line (long). */
  public static final String MIG_COMPUTE_INSTANCE = "gpu.mig.compute_instance";
  /** Whether the catalog knows the code (boolean); unknown codes are kept, with CONTACT_SUPPORT. */
  public static final String KNOWN = "xid.known";
  public static final String MNEMONIC = "xid.mnemonic";
  public static final String DESCRIPTION = "xid.description";
  /** The policy's severity, {@code INFO}...{@code FATAL}; also the event's severity. */
  public static final String SEVERITY = "xid.severity";
  /** The immediate action: a resolution bucket for Xids ({@code RESET_GPU}), an action for SXids. */
  public static final String ACTION_IMMEDIATE = "xid.action.immediate";
  public static final String ACTION_INVESTIGATORY = "xid.action.investigatory";
  /** The r555 causes as letters, {@code HDU}; absent when the matrix does not list the code. */
  public static final String CAUSES = "xid.causes";
  /** The SXid's Fabric Manager class, {@code non-fatal}, {@code potentially-fatal}, {@code fatal}. */
  public static final String SXID_CLASS = "sxid.class";
  /** Whether the SXid line itself says {@code Fatal} (boolean). */
  public static final String SXID_FATAL = "sxid.fatal";
  /** The NVSwitch link (long). */
  public static final String SXID_LINK = "sxid.link";
  public static final String PROCESS_PID = "process.pid";
  public static final String PROCESS_NAME = "process.executable.name";
  /** The channel the driver names (long). */
  public static final String CHANNEL = "xid.channel";
  /** The driver's text after the code, pid and name. */
  public static final String MESSAGE = "xid.message";
  /** Xid 45's {@code caused by previous Xid N} (long). */
  public static final String CAUSED_BY = "xid.caused_by";
  /** Xid 154: the recovery action the driver now requires, as printed. */
  public static final String RECOVERY_ACTION = "xid.recovery_action";
  /** Xid 154: the Xid reported before it on the same GPU, which the action is for (long). */
  public static final String RECOVERY_FOR_XID = "xid.recovery_action.for_xid";
  /** True on an Xid 79 read from fallen-off-the-bus text rather than an Xid line. */
  public static final String INFERRED = "xid.inferred";
  /** True on a fallen-off-the-bus report that repeats one already counted for the GPU. */
  public static final String DUPLICATE = "xid.duplicate";
  public static final String NVLINK_UNIT = "xid.nvlink.unit";
  public static final String NVLINK_FATAL = "xid.nvlink.fatal";
  public static final String NVLINK_LINK = "xid.nvlink.link";
  public static final String NVLINK_INTRINFO = "xid.nvlink.intrinfo";
  public static final String NVLINK_ERROR_STATUS = "xid.nvlink.error_status";
  /** The id of the burst the event belongs to: the event id of the burst's first event. */
  public static final String BURST_ID = "xid.burst.id";
  /** The event's position in its burst, from 1 (long). */
  public static final String BURST_COUNT = "xid.burst.count";
}
