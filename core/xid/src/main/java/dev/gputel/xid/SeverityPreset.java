package dev.gputel.xid;

import java.util.Locale;
import java.util.Set;

/**
 * Whose idea of a serious Xid to follow. The tools disagree (63, 68 and 109 above all), so a fleet
 * picks the one its remediation already follows.
 */
public enum SeverityPreset {
  /**
   * From NVIDIA's immediate-action bucket: IGNORE is INFO; RESTART_APP and WORKFLOW_XID_45 are WARN;
   * RESET_GPU, RESTART_VM, CHECK_UVM, UPDATE_SWFW, WORKFLOW_XID_48, WORKFLOW_NVLINK_ERR, XID_154 and
   * CONTACT_SUPPORT (also unknown codes) are ERROR; RESTART_BM and CHECK_MECHANICALS are FATAL.
   * NVLink5 lines (144-150) follow their own Fatal/Nonfatal word (FATAL/WARN); Xid 154 follows the
   * action it names (Node Reboot Required is FATAL, None is INFO, other actions ERROR).
   */
  CATALOG("catalog", Set.of()),
  /**
   * NVIDIA's Kubernetes device plugin ({@code internal/rm/health.go}): application Xids 13, 31, 43,
   * 45, 68, 109 are WARN; any other Xid marks the device unhealthy, FATAL.
   */
  K8S_DEVICE_PLUGIN("k8s-device-plugin", Set.of(13, 31, 43, 45, 68, 109)),
  /**
   * The EKS node monitoring agent ({@code monitors/nvidia/dcgm/dcgm_policies.go},
   * WellKnownXidCodes): these set a node condition (replace the node), FATAL; others become a
   * Kubernetes warning event, WARN.
   */
  EKS_NODE_MONITORING_AGENT("eks-node-monitoring-agent",
      Set.of(46, 48, 54, 62, 63, 64, 74, 79, 95, 109, 110, 119, 120, 136, 140, 142, 143, 151, 155, 156, 158)),
  /**
   * Azure HPC health checks ({@code customTests/azure_gpu_xid.nhc}): these fail the node with
   * NHC2001, FATAL; the check ignores others, INFO.
   */
  AZURE_NHC("azure-nhc", Set.of(48, 56, 57, 58, 62, 63, 64, 65, 68, 69, 73, 74, 79, 80, 81, 92, 119, 120));

  private final String id;
  private final Set<Integer> codes;

  SeverityPreset(String id, Set<Integer> codes) {
    this.id = id;
    this.codes = codes;
  }

  /** Returns the configuration spelling, {@code eks-node-monitoring-agent}. */
  public String id() {
    return id;
  }

  /** Returns the codes the preset's tool lists (application Xids for the device plugin), empty for catalog. */
  public Set<Integer> listedCodes() {
    return codes;
  }

  /** Finds a preset by its configuration spelling. */
  public static SeverityPreset byId(String id) {
    for (SeverityPreset preset : values()) {
      if (preset.id.equals(id.toLowerCase(Locale.ROOT))) {
        return preset;
      }
    }
    throw new IllegalArgumentException("'" + id + "' is not a severity policy; use one of "
        + String.join(", ", java.util.Arrays.stream(values()).map(SeverityPreset::id).toList()));
  }
}
