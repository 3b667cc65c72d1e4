package dev.gputel.runtime.cli;

import picocli.CommandLine.Command;

/** Tools for NVIDIA Xid and SXid kernel-log lines. */
@Command(name = "xid", mixinStandardHelpOptions = true,
    description = "Tools for NVIDIA Xid and SXid kernel-log lines.",
    subcommands = {XidParseCommand.class, XidExplainCommand.class})
final class XidCommand implements Runnable {
  @picocli.CommandLine.Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }
}
