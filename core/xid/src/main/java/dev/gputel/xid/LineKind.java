package dev.gputel.xid;

/** What a recognised kernel line is, as the {@code log.kind} attribute names it. */
public enum LineKind {
  /** A GPU Xid: an {@code NVRM: Xid} line, a recovery-action line, or fallen-off-the-bus text. */
  XID("xid"),
  /** An NVSwitch SXid line. */
  SXID("sxid"),
  /** Any other NVIDIA driver line: banners, assertions, the {@code GPU at PCI} line. */
  GPU_LOG("gpu-log");

  private final String id;

  LineKind(String id) {
    this.id = id;
  }

  /** Returns the attribute value: {@code xid}, {@code sxid} or {@code gpu-log}. */
  public String id() {
    return id;
  }
}
