package dev.gputel.cloudwatch;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.util.Locale;

/** Small readers for the exporter's settings that fail with the key's file and line. */
public final class ConfigChecks {
  private ConfigChecks() {}

  public static ConfigException bad(Config config, String key, String message) {
    return new ConfigException.BadValue(config.getValue(key).origin(), key, message);
  }

  public static <E extends Enum<E>> E option(Config config, String key, Class<E> type) {
    String value = config.getString(key);
    for (E constant : type.getEnumConstants()) {
      if (name(constant).equals(value.toLowerCase(Locale.ROOT))) {
        return constant;
      }
    }
    StringBuilder allowed = new StringBuilder();
    for (E constant : type.getEnumConstants()) {
      allowed.append(allowed.isEmpty() ? "" : ", ").append(name(constant));
    }
    throw bad(config, key, "'" + value + "' is not one of " + allowed);
  }

  /** The configuration spelling of an enum constant: CLOUDWATCH_AGENT is cloudwatch-agent. */
  public static String name(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static String optionalString(Config config, String key) {
    return config.getIsNull(key) ? null : config.getString(key);
  }
}
