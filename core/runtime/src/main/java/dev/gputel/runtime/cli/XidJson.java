package dev.gputel.runtime.cli;

import dev.gputel.xid.Classification;
import dev.gputel.xid.GpuLocation;
import dev.gputel.xid.RecoveryActionLine;
import dev.gputel.xid.SxidLine;
import dev.gputel.xid.XidReport;

/**
 * One line of {@code gputel xid parse}: {@code {"line": N, "kind": "xid", "xid": 79, "pci":
 * "0000:3b:00", "pci_bus_id": "00000000:3B:00.0", "pid": ..., "process": ..., "mnemonic": ...,
 * "severity": ..., "action": ..., "message": ...}}; fields the line lacks are left out. MIG lines add
 * {@code gpu_instance}/{@code compute_instance}, lines naming a channel {@code channel}, Xid 154
 * {@code recovery_action}.
 */
final class XidJson {
  private XidJson() {}

  static String render(long line, XidReport xid, Classification classification) {
    StringBuilder json = start(line, "xid", xid.code());
    location(json, xid.gpu());
    number(json, "pid", xid.pid());
    text(json, "process", xid.process());
    number(json, "channel", xid.channel());
    classification(json, classification);
    if (xid instanceof RecoveryActionLine recovery) {
      text(json, "recovery_action", recovery.toLabel());
    }
    text(json, "message", xid.message());
    return json.append('}').toString();
  }

  static String render(long line, SxidLine sxid, Classification classification) {
    StringBuilder json = start(line, "sxid", sxid.code());
    location(json, sxid.device());
    classification(json, classification);
    text(json, "message", sxid.message());
    return json.append('}').toString();
  }

  private static StringBuilder start(long line, String kind, int code) {
    return new StringBuilder(256).append("{\"line\": ").append(line).append(", \"kind\": \"").append(kind)
        .append("\", \"").append(kind).append("\": ").append(code);
  }

  private static void location(StringBuilder json, GpuLocation location) {
    text(json, "pci", location.printed());
    text(json, "pci_bus_id", location.busId() == null ? null : location.busId().toString());
    number(json, "gpu_instance", location.gpuInstance() == null ? null : location.gpuInstance().longValue());
    number(json, "compute_instance", location.computeInstance() == null ? null : location.computeInstance().longValue());
  }

  private static void classification(StringBuilder json, Classification classification) {
    text(json, "mnemonic", classification.mnemonic());
    text(json, "severity", classification.severity().name());
    text(json, "action", classification.immediate());
  }

  private static void text(StringBuilder json, String key, String value) {
    if (value != null) {
      json.append(", \"").append(key).append("\": ");
      JsonText.string(json, value);
    }
  }

  private static void number(StringBuilder json, String key, Long value) {
    if (value != null) {
      json.append(", \"").append(key).append("\": ").append(value);
    }
  }
}
