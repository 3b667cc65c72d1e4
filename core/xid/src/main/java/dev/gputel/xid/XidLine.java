package dev.gputel.xid;

/**
 * An {@code NVRM: Xid (PCI:dddd:bb:dd): N, ...} line.
 *
 * @param message the driver's text after the code and after {@code pid=}/{@code name=} when present
 * @param causedBy the Xid a sympathetic report names ({@code ... caused by previous Xid 149}), or null
 * @param nvlink the NVLink5 fields of an Xid 144-150 line, or null
 */
public record XidLine(
    KernelPrefix prefix,
    GpuLocation gpu,
    int code,
    Long pid,
    String process,
    Long channel,
    String message,
    Integer causedBy,
    NvlinkDetail nvlink)
    implements XidReport {}
