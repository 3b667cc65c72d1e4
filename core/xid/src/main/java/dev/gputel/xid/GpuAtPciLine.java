package dev.gputel.xid;

/**
 * The line the driver prints once per GPU before that GPU's first Xid, {@code NVRM: GPU at
 * PCI:0000:01:00: GPU-8a47641b-...}: it ties the PCI address of later Xid lines to the GPU's UUID.
 */
public record GpuAtPciLine(KernelPrefix prefix, GpuLocation gpu, String uuid) implements ParsedLine {

  @Override
  public LineKind kind() {
    return LineKind.GPU_LOG;
  }

  @Override
  public String message() {
    return uuid;
  }
}
