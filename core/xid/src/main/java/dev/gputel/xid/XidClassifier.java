package dev.gputel.xid;

import java.util.Objects;

/** Classifies parsed Xid and SXid lines with the catalogs and a severity policy. Thread-safe. */
public final class XidClassifier {
  private final XidCatalog xids;
  private final SxidCatalog sxids;
  private final SeverityPolicy policy;

  public XidClassifier(XidCatalog xids, SxidCatalog sxids, SeverityPolicy policy) {
    this.xids = Objects.requireNonNull(xids, "xids");
    this.sxids = Objects.requireNonNull(sxids, "sxids");
    this.policy = Objects.requireNonNull(policy, "policy");
  }

  /** Returns a classifier with the built-in catalogs and {@code policy}. */
  public static XidClassifier builtIn(SeverityPolicy policy) {
    return new XidClassifier(XidCatalog.builtIn(), SxidCatalog.builtIn(), policy);
  }

  public XidCatalog xidCatalog() {
    return xids;
  }

  public SxidCatalog sxidCatalog() {
    return sxids;
  }

  public Classification classify(XidReport report) {
    XidEntry entry = xids.entry(report.code());
    Resolution immediate = entry == null ? Resolution.CONTACT_SUPPORT : entry.immediate();
    if (report instanceof RecoveryActionLine recovery) {
      immediate = RecoveryActions.resolution(recovery.toLabel());
    }
    return new Classification(LineKind.XID, report.code(), entry != null,
        entry == null ? null : entry.mnemonic(), entry == null ? null : entry.description(),
        policy.xid(report, entry), immediate.name(),
        entry == null || entry.investigatory().isEmpty() ? null : entry.investigatory(), null);
  }

  public Classification classify(SxidLine line) {
    SxidEntry entry = sxids.find(line.code()).orElse(null);
    return new Classification(LineKind.SXID, line.code(), entry != null,
        entry == null ? null : entry.name(), entry == null ? null : entry.sxidClass().id(),
        policy.sxid(line, entry), entry == null ? Resolution.CONTACT_SUPPORT.name() : entry.action().name(),
        null, entry == null ? null : entry.sxidClass());
  }

  /** Returns the classification of an Xid or SXid line, or null for other driver lines. */
  public Classification classify(ParsedLine line) {
    return switch (line) {
      case XidReport report -> classify(report);
      case SxidLine sxid -> classify(sxid);
      case GpuAtPciLine ignored -> null;
      case OtherNvrmLine ignored -> null;
    };
  }
}
