package dev.gputel.runtime.cli;

import picocli.CommandLine;

/** The {@code gputel} command-line entry point. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    int exit = commandLine().execute(args);
    if (exit != RunCommand.KEEP_RUNNING) {
      System.exit(exit);
    }
  }

  static CommandLine commandLine() {
    return new CommandLine(new GputelCommand()).setCaseInsensitiveEnumValuesAllowed(true);
  }
}
