package dev.gputel.runtime.cli;

import dev.gputel.xid.Cause;
import dev.gputel.xid.SeverityPolicy;
import dev.gputel.xid.SxidCatalog;
import dev.gputel.xid.SxidEntry;
import dev.gputel.xid.XidCatalog;
import dev.gputel.xid.XidEntry;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Prints the catalog entry of one Xid (or, with {@code --sxid}, one SXid). Exit 0 for a code the
 * catalog knows; 1 for one it does not, which is still printed with the action for unknown codes.
 */
@Command(name = "explain", mixinStandardHelpOptions = true,
    description = "Print what NVIDIA's catalog says about an Xid (or an SXid with --sxid).")
final class XidExplainCommand implements Callable<Integer> {
  @Parameters(paramLabel = "CODE", description = "The Xid (or SXid) number.")
  int code;

  @Option(names = "--sxid", description = "CODE is an NVSwitch SXid.")
  boolean sxid;

  @Mixin SeverityPolicyOption severity;

  @Override
  public Integer call() {
    SeverityPolicy policy;
    try {
      policy = severity.policy();
    } catch (IllegalArgumentException e) {
      System.err.println("gputel xid explain: " + e.getMessage());
      return 2;
    }
    return sxid ? sxid(System.out) : xid(policy, System.out);
  }

  private int xid(SeverityPolicy policy, PrintStream out) {
    XidCatalog catalog = XidCatalog.builtIn();
    XidEntry entry = catalog.find(code).orElse(null);
    String severityLine = policy.xid(code, entry) + " (policy " + policy.preset().id() + ")";
    if (entry == null) {
      out.println("Xid " + code + " is not in the catalog: report it as unknown.");
      row(out, "immediate action", "CONTACT_SUPPORT");
      row(out, "severity", severityLine);
      row(out, "catalog", "NVIDIA Xid catalog " + catalog.version());
      return 1;
    }
    out.println("Xid " + code + "  " + entry.mnemonic());
    row(out, "description", entry.description());
    if (entry.legacyDescription() != null) {
      row(out, "on older GPUs", entry.legacyDescription());
    }
    if (entry.causes() != null) {
      row(out, "possible causes", entry.causes().isEmpty() ? "none marked"
          : entry.causes().stream().map(Cause::label).collect(Collectors.joining(", ")));
    }
    row(out, "immediate action", entry.immediate().name());
    if (!entry.investigatory().isEmpty()) {
      row(out, "investigatory action", entry.investigatory());
    }
    row(out, "severity", severityLine);
    row(out, "catalog", "NVIDIA Xid catalog " + catalog.version());
    return 0;
  }

  private int sxid(PrintStream out) {
    SxidCatalog catalog = SxidCatalog.builtIn();
    SxidEntry entry = catalog.find(code).orElse(null);
    if (entry == null) {
      out.println("SXid " + code + " is not in the catalog: report it as unknown.");
      row(out, "immediate action", "CONTACT_SUPPORT");
      row(out, "catalog", "Fabric Manager User Guide " + catalog.version());
      return 1;
    }
    out.println("SXid " + code + "  " + entry.name());
    row(out, "class", entry.sxidClass().id());
    row(out, "immediate action", entry.action().name());
    row(out, "catalog", "Fabric Manager User Guide " + catalog.version());
    return 0;
  }

  private static void row(PrintStream out, String label, String value) {
    out.printf("  %-22s %s%n", label + ":", value);
  }
}
