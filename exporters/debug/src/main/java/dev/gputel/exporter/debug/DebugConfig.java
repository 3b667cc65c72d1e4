package dev.gputel.exporter.debug;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import dev.gputel.spi.component.ConfigPaths;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** The debug exporter's settings; see its reference.conf for each key. */
record DebugConfig(Output output, Optional<Path> path, Format format, Verbosity verbosity) {
  enum Output { CONSOLE, FILE }

  enum Format { TEXT, JSON }

  enum Verbosity { BASIC, DETAILED }

  static DebugConfig from(Config config) {
    Output output = option(config, "output", Output.class);
    Optional<Path> path = config.getIsNull("path") ? Optional.empty() : Optional.of(ConfigPaths.path(config, "path"));
    if (output == Output.FILE && path.isEmpty()) {
      throw new ConfigException.BadValue(config.getValue("output").origin(), "path",
          "output = file needs a path");
    }
    return new DebugConfig(output, path, option(config, "format", Format.class),
        option(config, "verbosity", Verbosity.class));
  }

  private static <E extends Enum<E>> E option(Config config, String key, Class<E> type) {
    String value = config.getString(key);
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      StringBuilder allowed = new StringBuilder();
      for (E constant : type.getEnumConstants()) {
        allowed.append(allowed.isEmpty() ? "" : ", ").append(constant.name().toLowerCase(Locale.ROOT));
      }
      throw new ConfigException.BadValue(config.getValue(key).origin(), key,
          "'" + value + "' is not one of " + allowed);
    }
  }
}
