package dev.gputel.runtime.config;

import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.gputel.spi.component.Suggestions;
import java.util.List;
import java.util.Map;

/**
 * Finds keys a user wrote that the defaults do not know: the misspellings that {@code checkValid}
 * lets through. An empty object in the defaults ({@code headers = {}}) accepts any keys below it.
 */
final class KeyChecker {
  private KeyChecker() {}

  static void check(ConfigObject user, ConfigObject defaults, String path, List<ConfigProblem> out) {
    for (Map.Entry<String, ConfigValue> entry : user.entrySet()) {
      String key = entry.getKey();
      ConfigValue value = entry.getValue();
      String keyPath = path + "." + quoteIfNeeded(key);
      ConfigValue known = defaults.get(key);
      if (known == null) {
        out.add(
            ConfigProblem.at(
                value.origin(), keyPath, "unknown key" + Suggestions.hint(key, defaults.keySet())));
        continue;
      }
      boolean knownIsObject = known.valueType() == ConfigValueType.OBJECT;
      boolean valueIsObject = value.valueType() == ConfigValueType.OBJECT;
      if (knownIsObject && !valueIsObject && value.valueType() != ConfigValueType.NULL) {
        out.add(
            ConfigProblem.at(
                value.origin(),
                keyPath,
                "expected an object { ... } but found " + describe(value.valueType())));
      } else if (valueIsObject && !knownIsObject && known.valueType() != ConfigValueType.NULL) {
        out.add(
            ConfigProblem.at(
                value.origin(),
                keyPath,
                "expected " + describe(known.valueType()) + " but found an object"));
      } else if (knownIsObject && valueIsObject && !((ConfigObject) known).isEmpty()) {
        check((ConfigObject) value, (ConfigObject) known, keyPath, out);
      }
    }
  }

  private static String describe(ConfigValueType type) {
    return switch (type) {
      case OBJECT -> "an object";
      case LIST -> "a list";
      case NUMBER -> "a number";
      case BOOLEAN -> "a boolean";
      case NULL -> "null";
      case STRING -> "a string";
    };
  }

  static String quoteIfNeeded(String key) {
    return key.matches("[A-Za-z0-9_-]+") ? key : "\"" + key + "\"";
  }
}
