package dev.gputel.runtime.cwagent;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.gputel.runtime.config.ConfigProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One object of the CloudWatch agent's JSON, with its path ({@code metrics.metrics_collected}) so that
 * every warning and error names the key and the line it is on. Keys are read from the object itself,
 * never through path expressions, because the agent's keys may hold dots and colons.
 */
final class JsonSection {
  private final String path;
  private final ConfigObject object;
  private final Findings findings;

  JsonSection(String path, ConfigObject object, Findings findings) {
    this.path = path;
    this.object = object;
    this.findings = findings;
  }

  String path() {
    return path;
  }

  ConfigOrigin origin() {
    return object.origin();
  }

  /** The keys, sorted: JSON objects have no order the parser keeps, and output must be stable. */
  Set<String> keys() {
    return new java.util.TreeSet<>(object.keySet());
  }

  boolean has(String key) {
    return object.containsKey(key);
  }

  Optional<JsonSection> section(String key) {
    ConfigValue value = object.get(key);
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof ConfigObject child) {
      return Optional.of(new JsonSection(pathOf(key), child, findings));
    }
    findings.error(value.origin(), pathOf(key), "must be an object, not " + describe(value));
    return Optional.empty();
  }

  Optional<String> string(String key) {
    ConfigValue value = object.get(key);
    if (value == null || value.valueType() == ConfigValueType.NULL) {
      return Optional.empty();
    }
    if (value.valueType() != ConfigValueType.STRING) {
      findings.error(value.origin(), pathOf(key), "must be a string, not " + describe(value));
      return Optional.empty();
    }
    return Optional.of((String) value.unwrapped());
  }

  /** A whole number; the agent also takes one written as a string ("60"). */
  Optional<Long> number(String key) {
    ConfigValue value = object.get(key);
    if (value == null || value.valueType() == ConfigValueType.NULL) {
      return Optional.empty();
    }
    Object raw = value.unwrapped();
    try {
      if (raw instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
        return Optional.of(n.longValue());
      }
      if (raw instanceof String s) {
        return Optional.of(Long.parseLong(s.strip()));
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    findings.error(value.origin(), pathOf(key), "must be a whole number, not " + describe(value));
    return Optional.empty();
  }

  Optional<Boolean> bool(String key) {
    ConfigValue value = object.get(key);
    if (value == null || value.valueType() == ConfigValueType.NULL) {
      return Optional.empty();
    }
    if (value.unwrapped() instanceof Boolean b) {
      return Optional.of(b);
    }
    findings.error(value.origin(), pathOf(key), "must be true or false, not " + describe(value));
    return Optional.empty();
  }

  /** The elements of a list, each with its own path ({@code key[2]}). */
  List<Element> list(String key) {
    ConfigValue value = object.get(key);
    if (value == null || value.valueType() == ConfigValueType.NULL) {
      return List.of();
    }
    if (!(value instanceof ConfigList list)) {
      findings.error(value.origin(), pathOf(key), "must be a list, not " + describe(value));
      return List.of();
    }
    List<Element> elements = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      elements.add(new Element(pathOf(key) + "[" + i + "]", list.get(i)));
    }
    return elements;
  }

  /** The string values of an object such as append_dimensions, sorted by key. */
  Map<String, String> stringMap(String key) {
    Map<String, String> values = new java.util.LinkedHashMap<>();
    section(key).ifPresent(map -> {
      for (String name : map.keys()) {
        map.string(name).ifPresent(v -> values.put(name, v));
      }
    });
    return values;
  }

  ConfigOrigin originOf(String key) {
    ConfigValue value = object.get(key);
    return value != null ? value.origin() : object.origin();
  }

  /** Warns about each key not in {@code supported}, with the reason given for it, if any. */
  void warnUnsupported(Set<String> supported, Map<String, String> reasons) {
    for (String key : keys()) {
      if (!supported.contains(key)) {
        findings.warn(originOf(key), pathOf(key),
            reasons.getOrDefault(key, "not supported by gputel; ignored"));
      }
    }
  }

  Findings findings() {
    return findings;
  }

  String pathOf(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  static String describe(ConfigValue value) {
    return switch (value.valueType()) {
      case OBJECT -> "an object";
      case LIST -> "a list";
      case NUMBER -> "the number " + value.unwrapped();
      case BOOLEAN -> String.valueOf(value.unwrapped());
      case NULL -> "null";
      case STRING -> "the string \"" + value.unwrapped() + "\"";
    };
  }

  /** One element of a JSON list. */
  record Element(String path, ConfigValue value) {}

  /** The warnings and errors of one conversion, each located. */
  static final class Findings {
    private final List<String> warnings = new ArrayList<>();
    private final List<ConfigProblem> errors = new ArrayList<>();

    void warn(ConfigOrigin origin, String path, String message) {
      warnings.add(ConfigProblem.at(origin, path, message).toString());
    }

    void error(ConfigOrigin origin, String path, String message) {
      errors.add(ConfigProblem.at(origin, path, message));
    }

    List<String> warnings() {
      return List.copyOf(warnings);
    }

    List<ConfigProblem> errors() {
      return List.copyOf(errors);
    }
  }
}
