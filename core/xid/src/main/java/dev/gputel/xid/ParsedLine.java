package dev.gputel.xid;

/**
 * A kernel line the NVIDIA driver printed, as {@link KernelLineParser} understood it. Components
 * that need only some kinds switch over the permitted types.
 */
public sealed interface ParsedLine permits XidReport, SxidLine, GpuAtPciLine, OtherNvrmLine {

  /** Returns what came before the driver's text, with its time stamps. */
  KernelPrefix prefix();

  LineKind kind();

  /** Returns the driver's free text, after the fields this type breaks out. */
  String message();
}
