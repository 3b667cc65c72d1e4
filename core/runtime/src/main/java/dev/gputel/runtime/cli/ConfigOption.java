package dev.gputel.runtime.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import dev.gputel.runtime.ComponentCreator;
import dev.gputel.runtime.config.AgentSpec;
import dev.gputel.runtime.config.ConfigFiles;
import dev.gputel.runtime.config.ConfigProblem;
import dev.gputel.runtime.config.ConfigProblems;
import dev.gputel.runtime.config.ConfigValidator;
import dev.gputel.runtime.cwagent.CloudWatchAgentConverter;
import dev.gputel.runtime.cwagent.Conversion;
import dev.gputel.runtime.plugin.ComponentRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The configuration: a HOCON file, a CloudWatch agent JSON file converted on the fly, or both (the
 * HOCON laid over the conversion), loaded and validated against the components the agent has.
 */
final class ConfigOption {
  private static final Logger log = LoggerFactory.getLogger(ConfigOption.class);

  @Option(names = {"-c", "--config"}, paramLabel = "FILE",
      description = "HOCON configuration file. With --cloudwatch-agent-config, its settings override the"
          + " converted ones.")
  Path file;

  @Option(names = "--cloudwatch-agent-config", paramLabel = "FILE",
      description = "The CloudWatch agent's JSON configuration, converted as `gputel convert` does.")
  Path cloudWatchAgentConfig;

  @Mixin ConversionChoices conversion;

  /** Returns the validated configuration or throws {@link ConfigProblems}. */
  AgentSpec validate(ComponentRegistry registry) {
    return new ConfigValidator(registry, new ComponentCreator(Clock.systemUTC())).validate(load());
  }

  /** The file (or files) named on the command line, for messages. */
  String describe() {
    return file == null ? String.valueOf(cloudWatchAgentConfig)
        : cloudWatchAgentConfig == null ? file.toString() : cloudWatchAgentConfig + " + " + file;
  }

  private Config load() {
    if (file == null && cloudWatchAgentConfig == null) {
      throw new ConfigProblems(List.of(new ConfigProblem("", "",
          "no configuration: give --config FILE, --cloudwatch-agent-config FILE, or both")));
    }
    if (cloudWatchAgentConfig == null) {
      return ConfigFiles.load(file, System.getenv());
    }
    Conversion converted = new CloudWatchAgentConverter(conversion.options()).convert(cloudWatchAgentConfig);
    converted.warnings().forEach(warning -> log.warn("{}", warning));
    converted.runAsUser().filter(user -> !user.equals(System.getProperty("user.name"))).ifPresent(user ->
        log.warn("agent.run_as_user is '{}' but gputel runs as '{}': it does not switch users itself; start it"
            + " as the user it should run as (systemd: User=)", user, System.getProperty("user.name")));
    Config base = ConfigFactory.parseString(converted.hocon(),
        ConfigParseOptions.defaults().setOriginDescription(cloudWatchAgentConfig + " (converted)"));
    Config over = file != null ? ConfigFiles.parse(file) : ConfigFactory.empty();
    return ConfigFiles.resolve(over.withFallback(base), System.getenv());
  }
}
