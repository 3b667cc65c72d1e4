package dev.gputel.runtime.cli;

import dev.gputel.xid.SeverityPolicy;
import dev.gputel.xid.SeverityPreset;
import java.util.Map;
import picocli.CommandLine.Option;

/** The {@code --severity-policy} option of the {@code gputel xid} commands. */
final class SeverityPolicyOption {
  @Option(names = "--severity-policy", paramLabel = "PRESET", defaultValue = "catalog",
      description = "Whose severity to follow: catalog (default), k8s-device-plugin, eks-node-monitoring-agent, azure-nhc.")
  String preset;

  /** Returns the policy; throws IllegalArgumentException, naming the presets, for an unknown one. */
  SeverityPolicy policy() {
    return new SeverityPolicy(SeverityPreset.byId(preset), Map.of());
  }
}
