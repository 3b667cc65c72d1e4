package dev.gputel.xid;

/**
 * NVIDIA's immediate-action resolution buckets (Xid Catalog, column "Resolution Bucket (Immediate
 * Action)"). The {@code WORKFLOW_*} and {@code XID_154} buckets are decision flows in the catalog,
 * not single actions.
 */
public enum Resolution {
  /** Informational; no action. */
  IGNORE,
  /** Restart the affected application or job; the GPU is fine. */
  RESTART_APP,
  /** Stop the GPU's processes and reset it; if it persists, reboot, then replace. */
  RESET_GPU,
  /** Restart the virtual machine or instance. */
  RESTART_VM,
  /** Power-cycle the bare-metal host: the GPU is unreachable on PCIe. */
  RESTART_BM,
  /** Check physical connections, such as auxiliary power. */
  CHECK_MECHANICALS,
  /** Update the driver or firmware. */
  UPDATE_SWFW,
  /** Check the unified-memory subsystem. */
  CHECK_UVM,
  /** No automated recovery: the vendor investigates. Also the action for codes the catalog lacks. */
  CONTACT_SUPPORT,
  /** Xid 45: alone, restart Fabric Manager; with other Xids, follow those. */
  WORKFLOW_XID_45,
  /** Xid 48: reset, then check the SRAM double-bit threshold; persistent means RMA. */
  WORKFLOW_XID_48,
  /** Xid 74: decode the NVLink register words bit by bit. */
  WORKFLOW_NVLINK_ERR,
  /** Xid 144-150: decode per unit, intrinfo and error status. */
  WORKFLOW_NVLINK5_ERR,
  /** Xid 154: the line itself names the recovery for the Xid before it. */
  XID_154,
  /** The catalog row gives no bucket (codes 162-172 in the 2025-10-29 catalog). */
  UNSPECIFIED;

  static Resolution fromCatalog(String cell) {
    return cell.isEmpty() ? UNSPECIFIED : valueOf(cell);
  }
}
