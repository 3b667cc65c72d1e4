package dev.gputel.processor.resourcedetection;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the small JSON documents metadata services return with Typesafe Config's strict JSON
 * parser, which the runtime already ships: no JSON library to add for a handful of fields. Keys are
 * taken literally ({@code com.amazonaws.ecs.cluster} is one key, not a path).
 */
final class Json {
  private Json() {}

  /** Parses {@code text} as a JSON object; {@code source} names it in the error. */
  static ConfigObject object(String text, String source) throws MetadataException {
    try {
      return ConfigFactory.parseString(text, ConfigParseOptions.defaults()
          .setSyntax(ConfigSyntax.JSON).setOriginDescription(source)).root();
    } catch (ConfigException e) {
      throw new MetadataException(source + " is not the JSON object expected: " + e.getMessage(), e);
    }
  }

  /** Returns a string or number member as text; null when absent, null or empty. */
  static String text(ConfigObject object, String key) {
    ConfigValue value = object.get(key);
    if (value == null) {
      return null;
    }
    return switch (value.valueType()) {
      case STRING, NUMBER, BOOLEAN -> {
        String text = String.valueOf(value.unwrapped());
        yield text.isEmpty() ? null : text;
      }
      default -> null;
    };
  }

  /** Returns the objects of an array member; empty when absent or not an array. */
  static List<ConfigObject> objects(ConfigObject object, String key) {
    ConfigValue value = object.get(key);
    List<ConfigObject> objects = new ArrayList<>();
    if (value instanceof ConfigList list) {
      for (ConfigValue element : list) {
        if (element.valueType() == ConfigValueType.OBJECT) {
          objects.add((ConfigObject) element);
        }
      }
    }
    return objects;
  }
}
