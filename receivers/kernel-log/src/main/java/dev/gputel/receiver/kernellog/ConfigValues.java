package dev.gputel.receiver.kernellog;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import dev.gputel.spi.component.ConfigPaths;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** Reading helpers for the settings of this receiver, with errors that name the key and its file. */
final class ConfigValues {
  private ConfigValues() {}

  /** Returns one of {@code allowed}, by its lower-case name. */
  @SafeVarargs
  static <E extends Enum<E>> E option(Config config, String key, E... allowed) {
    String value = config.getString(key);
    for (E candidate : allowed) {
      if (candidate.name().toLowerCase(Locale.ROOT).equals(value.toLowerCase(Locale.ROOT))) {
        return candidate;
      }
    }
    throw new ConfigException.BadValue(config.getValue(key).origin(), key, "'" + value + "' is not one of "
        + Arrays.stream(allowed).map(e -> e.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
  }

  /** Returns the text at {@code key}, or null when it is null. */
  static String optionalString(Config config, String key) {
    return config.getIsNull(key) ? null : config.getString(key);
  }

  /** Returns the path at {@code key} resolved against the file that sets it, or null. */
  static Path optionalPath(Config config, String key) {
    return config.getIsNull(key) ? null : ConfigPaths.path(config, key);
  }

  static Duration positive(Config config, String key) {
    Duration value = config.getDuration(key);
    if (value.isNegative() || value.isZero()) {
      throw new ConfigException.BadValue(config.getValue(key).origin(), key, "must be positive");
    }
    return value;
  }
}
