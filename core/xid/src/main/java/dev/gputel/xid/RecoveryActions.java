package dev.gputel.xid;

import java.util.Locale;

/**
 * Maps the action an Xid 154 line names to a resolution bucket, as NVSentinel's sidecar parser does
 * ({@code GPU Reset Required} and {@code Drain and Reset} reset the GPU, {@code Node Reboot
 * Required} restarts the host); {@code PF FLR} (a function-level reset of the GPU's physical
 * function) is a GPU reset too. Labels not known here stay {@link Resolution#XID_154}.
 */
final class RecoveryActions {
  private RecoveryActions() {}

  static Resolution resolution(String label) {
    return switch (label.toLowerCase(Locale.ROOT)) {
      case "none" -> Resolution.IGNORE;
      case "gpu reset required", "drain and reset", "pf flr" -> Resolution.RESET_GPU;
      case "node reboot required" -> Resolution.RESTART_BM;
      default -> Resolution.XID_154;
    };
  }
}
