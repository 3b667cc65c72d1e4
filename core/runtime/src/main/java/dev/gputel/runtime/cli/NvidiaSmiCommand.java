package dev.gputel.runtime.cli;

import picocli.CommandLine.Command;

/** Tools for nvidia-smi output. */
@Command(name = "nvidia-smi", mixinStandardHelpOptions = true,
    description = "Tools for nvidia-smi output.",
    subcommands = SmiParseCommand.class)
final class NvidiaSmiCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
