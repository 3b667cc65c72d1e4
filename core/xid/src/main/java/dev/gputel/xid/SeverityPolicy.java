package dev.gputel.xid;

import dev.gputel.spi.data.Severity;
import java.util.Map;

/**
 * Decides an Xid's severity: a {@link SeverityPreset} plus per-code overrides, which win. SXid
 * severity follows the Fabric Manager class and the line's own Fatal/Non-fatal word.
 */
public final class SeverityPolicy {
  private final SeverityPreset preset;
  private final Map<Integer, Severity> overrides;

  public SeverityPolicy(SeverityPreset preset, Map<Integer, Severity> overrides) {
    this.preset = preset;
    this.overrides = Map.copyOf(overrides);
  }

  /** Returns the catalog preset without overrides, the default. */
  public static SeverityPolicy catalog() {
    return new SeverityPolicy(SeverityPreset.CATALOG, Map.of());
  }

  public SeverityPreset preset() {
    return preset;
  }

  /** Returns the severity of an Xid report whose catalog entry is {@code entry} (null when unknown). */
  public Severity xid(XidReport report, XidEntry entry) {
    if (preset == SeverityPreset.CATALOG && !overrides.containsKey(report.code())) {
      if (report instanceof RecoveryActionLine recovery) {
        return switch (RecoveryActions.resolution(recovery.toLabel())) {
          case IGNORE -> Severity.INFO;
          case RESTART_BM -> Severity.FATAL;
          default -> Severity.ERROR;
        };
      }
      if (report instanceof XidLine line && line.nvlink() != null) {
        return line.nvlink().fatal() ? Severity.FATAL : Severity.WARN;
      }
    }
    return xid(report.code(), entry);
  }

  /**
   * Returns the severity of Xid {@code code} when nothing but the code is known ({@code gputel xid
   * explain}); lines of Xid 154 and 144-150 may say more, see {@link #xid(XidReport, XidEntry)}.
   */
  public Severity xid(int code, XidEntry entry) {
    Severity override = overrides.get(code);
    if (override != null) {
      return override;
    }
    return switch (preset) {
      case CATALOG -> catalog(entry);
      case K8S_DEVICE_PLUGIN -> preset.listedCodes().contains(code) ? Severity.WARN : Severity.FATAL;
      case EKS_NODE_MONITORING_AGENT -> preset.listedCodes().contains(code) ? Severity.FATAL : Severity.WARN;
      case AZURE_NHC -> preset.listedCodes().contains(code) ? Severity.FATAL : Severity.INFO;
    };
  }

  /** Returns the severity of an SXid line whose catalog entry is {@code entry} (null when unknown). */
  public Severity sxid(SxidLine line, SxidEntry entry) {
    if (Boolean.TRUE.equals(line.fatal()) || entry != null && entry.sxidClass() == SxidClass.FATAL) {
      return Severity.FATAL;
    }
    if (entry == null) {
      return Boolean.FALSE.equals(line.fatal()) ? Severity.WARN : Severity.ERROR;
    }
    return entry.sxidClass() == SxidClass.POTENTIALLY_FATAL ? Severity.ERROR : Severity.WARN;
  }

  private static Severity catalog(XidEntry entry) {
    Resolution bucket = entry == null ? Resolution.CONTACT_SUPPORT : entry.immediate();
    return switch (bucket) {
      case IGNORE -> Severity.INFO;
      case RESTART_APP, WORKFLOW_XID_45, UNSPECIFIED -> Severity.WARN;
      case RESET_GPU, RESTART_VM, CHECK_UVM, UPDATE_SWFW, WORKFLOW_XID_48, WORKFLOW_NVLINK_ERR,
          WORKFLOW_NVLINK5_ERR, XID_154, CONTACT_SUPPORT -> Severity.ERROR;
      case RESTART_BM, CHECK_MECHANICALS -> Severity.FATAL;
    };
  }

  /** Returns the configured overrides, code to severity. */
  public Map<Integer, Severity> overrides() {
    return overrides;
  }
}
