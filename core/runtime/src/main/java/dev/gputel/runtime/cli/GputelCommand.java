package dev.gputel.runtime.cli;

import dev.gputel.runtime.AgentVersion;
import dev.gputel.spi.component.SpiVersion;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** The top command; each action is a subcommand. */
@Command(
    name = "gputel",
    mixinStandardHelpOptions = true,
    versionProvider = GputelCommand.Version.class,
    description = "GPU telemetry agent: NVML, nvidia-smi and Xid events to CloudWatch, OTLP and Prometheus.",
    subcommands = {
      RunCommand.class,
      ValidateCommand.class,
      ComponentsCommand.class,
      PrintConfigCommand.class,
      ConvertCommand.class,
      NvidiaSmiCommand.class,
      XidCommand.class,
      HealthcheckCommand.class
    })
final class GputelCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  static final class Version implements IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "gputel " + AgentVersion.get() + " (SPI " + SpiVersion.get() + ", Java " + Runtime.version() + ")"
      };
    }
  }
}
