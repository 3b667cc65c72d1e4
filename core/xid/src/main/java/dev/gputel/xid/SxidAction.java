package dev.gputel.xid;

/** What the Fabric Manager guide says to do about an SXid. */
public enum SxidAction {
  /** Not applicable: no impact, or the hardware corrects it. */
  NONE,
  /** Restart the guest VM that uses the port. */
  RESTART_GUEST_VM,
  /** Restart the host, or reset (SBR) all NVSwitches and GPUs. */
  RESET_FABRIC,
  /** Check the link's mechanical connections. */
  CHECK_MECHANICALS,
  /** Make sure the system's cooling is sufficient. */
  CHECK_COOLING,
  /** Validate the Fabric Manager partition routing with the NVSwitch audit tool, then restart the guest VM. */
  VALIDATE_PARTITION
}
