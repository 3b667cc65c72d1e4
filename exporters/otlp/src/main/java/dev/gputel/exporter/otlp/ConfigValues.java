package dev.gputel.exporter.otlp;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import dev.gputel.spi.component.ConfigPaths;
import dev.gputel.spi.data.Attributes;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** Reads the value shapes of the otlp exporter's configuration, with errors that name the key. */
final class ConfigValues {
  private ConfigValues() {}

  /** Reads one of {@code choices}, by the name each has in the configuration. */
  static <E extends Enum<E>> E choice(Config config, String key, Class<E> type, Function<E, String> name) {
    String value = config.getString(key);
    StringBuilder allowed = new StringBuilder();
    for (E constant : type.getEnumConstants()) {
      if (name.apply(constant).equals(value)) {
        return constant;
      }
      allowed.append(allowed.isEmpty() ? "" : ", ").append(name.apply(constant));
    }
    throw new ConfigException.BadValue(config.getValue(key).origin(), key,
        "'" + value + "' is not one of " + allowed);
  }

  static Optional<String> optionalString(Config config, String key) {
    return config.getIsNull(key) ? Optional.empty() : Optional.of(config.getString(key));
  }

  static Optional<Path> optionalPath(Config config, String key) {
    return config.getIsNull(key) ? Optional.empty() : Optional.of(ConfigPaths.path(config, key));
  }

  /** Reads an http or https URL with a host. */
  static URI url(Config config, String key, String text) {
    try {
      URI uri = new URI(text);
      if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
        throw new ConfigException.BadValue(config.getValue(key).origin(), key,
            "'" + text + "' is not an http:// or https:// URL with a host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new ConfigException.BadValue(config.getValue(key).origin(), key,
          "'" + text + "' is not a URL: " + e.getMessage());
    }
  }

  /**
   * Reads an object of scalars as a flat map. Keys are joined with dots whether the user quoted
   * them ({@code "service.name" = x}) or nested them ({@code service.name = x}, which HOCON nests).
   */
  static Map<String, ConfigValue> flat(Config config, String key) {
    Map<String, ConfigValue> out = new TreeMap<>();
    for (Map.Entry<String, ConfigValue> entry : config.getConfig(key).entrySet()) {
      out.put(String.join(".", ConfigUtil.splitPath(entry.getKey())), entry.getValue());
    }
    return out;
  }

  static Map<String, String> strings(Config config, String key) {
    Map<String, String> out = new LinkedHashMap<>();
    flat(config, key).forEach((name, value) -> out.put(name, String.valueOf(value.unwrapped())));
    return Map.copyOf(out);
  }

  /** Reads an object of scalars as attributes: text, whole numbers (long), other numbers, booleans. */
  static Attributes attributes(Config config, String key) {
    Attributes.Builder out = Attributes.builder();
    flat(config, key).forEach((name, value) -> {
      Object raw = value.unwrapped();
      out.put(name, switch (raw) {
        case Integer i -> i.longValue();
        case Long l -> l;
        case Number n -> n.doubleValue();
        case Boolean b -> b;
        default -> String.valueOf(raw);
      });
    });
    return out.build();
  }
}
