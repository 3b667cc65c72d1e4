package dev.gputel.xid;

/** The Fabric Manager guide's classes of NVSwitch SXid errors. */
public enum SxidClass {
  /** No guest impact, or the hardware corrects it. */
  NON_FATAL("non-fatal"),
  /** Fatal to the partitions using the port: restart the guest VM; reaches the GPU as Xid 74. */
  POTENTIALLY_FATAL("potentially-fatal"),
  /** Fatal to the whole fabric: restart the host, or reset all NVSwitches and GPUs. */
  FATAL("fatal");

  private final String id;

  SxidClass(String id) {
    this.id = id;
  }

  /** Returns the catalog's and the attribute's spelling. */
  public String id() {
    return id;
  }

  static SxidClass byId(String id) {
    for (SxidClass c : values()) {
      if (c.id.equals(id)) {
        return c;
      }
    }
    throw new IllegalArgumentException("'" + id + "' is not an SXid class (non-fatal, potentially-fatal, fatal)");
  }
}
