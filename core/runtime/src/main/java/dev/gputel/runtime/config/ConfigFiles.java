package dev.gputel.runtime.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigResolveOptions;
import com.typesafe.config.ConfigResolver;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigSyntax;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Reads the user's HOCON file: includes relative to it, {@code ${VAR}} and {@code ${?VAR}} taken from
 * the environment. Defaults are not merged here: each component's {@code reference.conf} is applied
 * to its own block, so that a shipped default never creates a component the user did not declare.
 */
public final class ConfigFiles {
  private ConfigFiles() {}

  /** Parses and resolves {@code file}; throws {@link ConfigProblems} when it cannot be read. */
  public static Config load(Path file, Map<String, String> environment) {
    return resolve(parse(file), environment);
  }

  /** Parses {@code file} without resolving it, so that it can be laid over another configuration. */
  public static Config parse(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigProblems(
          List.of(new ConfigProblem(file.toString(), "", "no such configuration file")));
    }
    try {
      return ConfigFactory.parseFile(
          file.toFile(),
          ConfigParseOptions.defaults().setAllowMissing(false).setSyntax(ConfigSyntax.CONF));
    } catch (ConfigException e) {
      throw new ConfigProblems(List.of(ConfigProblem.of(e, "")));
    }
  }

  /** Resolves substitutions, taking those the configuration does not define from {@code environment}. */
  public static Config resolve(Config config, Map<String, String> environment) {
    try {
      return config.resolve(resolveOptions(environment));
    } catch (ConfigException e) {
      throw new ConfigProblems(List.of(ConfigProblem.of(e, "")));
    }
  }

  /**
   * Returns options that take substitutions the file does not define from {@code environment},
   * each value's origin naming its variable.
   */
  public static ConfigResolveOptions resolveOptions(Map<String, String> environment) {
    return ConfigResolveOptions.defaults()
        .setUseSystemEnvironment(false)
        .appendResolver(new EnvironmentResolver(environment));
  }

  /** Resolves substitutions that the file does not define from environment variables. */
  private record EnvironmentResolver(Map<String, String> environment) implements ConfigResolver {
    @Override
    public ConfigValue lookup(String path) {
      String value = environment.get(path);
      return value == null ? null : ConfigValueFactory.fromAnyRef(value, "environment variable " + path);
    }

    @Override
    public ConfigResolver withFallback(ConfigResolver fallback) {
      return new ConfigResolver() {
        @Override
        public ConfigValue lookup(String path) {
          ConfigValue value = EnvironmentResolver.this.lookup(path);
          return value != null ? value : fallback.lookup(path);
        }

        @Override
        public ConfigResolver withFallback(ConfigResolver next) {
          return EnvironmentResolver.this.withFallback(fallback.withFallback(next));
        }
      };
    }
  }
}
