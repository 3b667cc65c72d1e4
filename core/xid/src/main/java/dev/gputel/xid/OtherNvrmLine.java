package dev.gputel.xid;

/** Any other NVIDIA driver line: module banners, assertions, GSP dumps. Not an Xid event. */
public record OtherNvrmLine(KernelPrefix prefix, String message) implements ParsedLine {

  @Override
  public LineKind kind() {
    return LineKind.GPU_LOG;
  }
}
