package dev.gputel.runtime.cli;

import dev.gputel.runtime.config.ConfigProblems;
import dev.gputel.runtime.plugin.ComponentRegistry;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Checks a configuration without running it: exit 0 when valid, 1 with every problem on stderr. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check a configuration file and report every problem, each with file:line.")
final class ValidateCommand implements Callable<Integer> {
  @Mixin ConfigOption config;
  @Mixin PluginsOption plugins;

  @Override
  public Integer call() {
    ComponentRegistry registry = plugins.load();
    try {
      var spec = config.validate(registry);
      System.out.println(config.describe() + ": valid (" + spec.pipelines().size() + " pipeline(s), "
          + spec.components().size() + " component(s))");
      return 0;
    } catch (ConfigProblems e) {
      System.err.println(e.getMessage());
      return 1;
    }
  }
}
