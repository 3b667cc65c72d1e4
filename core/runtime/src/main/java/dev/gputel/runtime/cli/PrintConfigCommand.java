package dev.gputel.runtime.cli;

import com.typesafe.config.ConfigRenderOptions;
import dev.gputel.runtime.config.AgentSpec;
import dev.gputel.runtime.config.ConfigProblems;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Prints the effective configuration: the file with every default filled in. */
@Command(name = "print-config", mixinStandardHelpOptions = true,
    description = "Print the effective configuration, with every default filled in.")
final class PrintConfigCommand implements Callable<Integer> {
  @Mixin ConfigOption config;
  @Mixin PluginsOption plugins;

  @Override
  public Integer call() {
    try {
      AgentSpec spec = config.validate(plugins.load());
      System.out.println(spec.effective().root().render(ConfigRenderOptions.defaults()
          .setOriginComments(false).setComments(false).setJson(false).setFormatted(true)));
      return 0;
    } catch (ConfigProblems e) {
      System.err.println(e.getMessage());
      return 1;
    }
  }
}
