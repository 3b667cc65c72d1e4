package dev.gputel.runtime.cli;

import dev.gputel.runtime.config.ConfigProblems;
import dev.gputel.runtime.cwagent.CloudWatchAgentConverter;
import dev.gputel.runtime.cwagent.Conversion;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * Prints the gputel configuration equivalent to a CloudWatch agent JSON file; every key it could not
 * carry over is named on standard error (and in the output's header comment).
 */
@Command(name = "convert", mixinStandardHelpOptions = true,
    description = "Print the gputel (HOCON) configuration equivalent to a CloudWatch agent JSON configuration.")
final class ConvertCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "The CloudWatch agent's JSON configuration.")
  Path file;

  @Mixin ConversionChoices choices;

  @Override
  public Integer call() {
    try {
      Conversion conversion = new CloudWatchAgentConverter(choices.options()).convert(file);
      conversion.warnings().forEach(w -> System.err.println("warning: " + w));
      System.out.print(conversion.hocon());
      return 0;
    } catch (ConfigProblems e) {
      System.err.println(e.getMessage());
      return 1;
    }
  }
}
