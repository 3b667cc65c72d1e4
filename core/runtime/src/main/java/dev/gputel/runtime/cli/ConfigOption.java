package dev.gputel.runtime.cli;

import dev.gputel.runtime.ComponentCreator;
import dev.gputel.runtime.config.AgentSpec;
import dev.gputel.runtime.config.ConfigFiles;
import dev.gputel.runtime.config.ConfigValidator;
import dev.gputel.runtime.plugin.ComponentRegistry;
import java.nio.file.Path;
import java.time.Clock;
import picocli.CommandLine.Option;

/** The configuration file, loaded and validated against the components the agent has. */
final class ConfigOption {
  @Option(names = {"-c", "--config"}, paramLabel = "FILE", required = true,
      description = "HOCON configuration file.")
  Path file;

  /** Returns the validated configuration or throws {@link dev.gputel.runtime.config.ConfigProblems}. */
  AgentSpec validate(ComponentRegistry registry) {
    return new ConfigValidator(registry, new ComponentCreator(Clock.systemUTC()))
        .validate(ConfigFiles.load(file, System.getenv()));
  }
}
