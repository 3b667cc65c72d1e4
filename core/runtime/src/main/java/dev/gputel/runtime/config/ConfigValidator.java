package dev.gputel.runtime.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import dev.gputel.runtime.exporter.ExporterHelperSettings;
import dev.gputel.runtime.plugin.ComponentRegistry;
import dev.gputel.runtime.plugin.FactoryInfo;
import dev.gputel.spi.component.ComponentId;
import dev.gputel.spi.component.ComponentKind;
import dev.gputel.spi.component.Suggestions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a whole configuration and reports every problem at once: unknown keys and sections,
 * unknown component types, pipelines naming undefined components, wrong types and bad values
 * (durations, sizes) as each component's factory reads them.
 */
public final class ConfigValidator {
  private static final Set<String> SECTIONS =
      Set.of("service", "receivers", "processors", "exporters", "pipelines");

  private final ComponentRegistry registry;
  private final ComponentProbe probe;

  /** @param probe creates each component once, so that its factory checks its own values */
  public ConfigValidator(ComponentRegistry registry, ComponentProbe probe) {
    this.registry = registry;
    this.probe = probe;
  }

  /** Returns the validated configuration, or throws {@link ConfigProblems} listing every problem. */
  public AgentSpec validate(Config root) {
    List<ConfigProblem> problems = new ArrayList<>();
    for (Map.Entry<String, ConfigValue> entry : root.root().entrySet()) {
      if (!entry.getKey().equals("gputel")) {
        problems.add(
            ConfigProblem.at(entry.getValue().origin(), entry.getKey(),
                "unknown top-level key: everything gputel reads is inside gputel { }"
                    + Suggestions.hint(entry.getKey(), List.of("gputel"))));
      }
    }
    ConfigObject gputel = object(root.root(), "gputel", "gputel", problems);
    if (gputel == null) {
      if (!root.hasPath("gputel")) {
        problems.add(new ConfigProblem("", "gputel", "missing: the configuration needs a gputel { } block"));
      }
      throw new ConfigProblems(problems);
    }
    for (Map.Entry<String, ConfigValue> entry : gputel.entrySet()) {
      if (!SECTIONS.contains(entry.getKey())) {
        problems.add(
            ConfigProblem.at(entry.getValue().origin(), "gputel." + KeyChecker.quoteIfNeeded(entry.getKey()),
                "unknown section" + Suggestions.hint(entry.getKey(), SECTIONS)));
      }
    }

    Config runtimeDefaults = registry.runtimeDefaults();
    ServiceSettings service = service(gputel, runtimeDefaults, problems);
    Map<ComponentId, ComponentSpec> components = new LinkedHashMap<>();
    Map<ComponentKind, List<ComponentId>> declared = new LinkedHashMap<>();
    for (ComponentKind kind : ComponentKind.values()) {
      declared.put(kind, components(gputel, kind, runtimeDefaults, components, problems));
    }
    List<PipelineSpec> pipelines = new PipelineParser(declared, components)
        .parse(object(gputel, "pipelines", "gputel.pipelines", problems), problems);

    if (service != null) {
      components.values().forEach(spec -> probe.check(spec, service, problems));
    }
    if (!problems.isEmpty()) {
      throw new ConfigProblems(problems);
    }
    return new AgentSpec(service, Map.copyOf(components), pipelines, effective(gputel, components, runtimeDefaults));
  }

  private ServiceSettings service(ConfigObject gputel, Config runtimeDefaults, List<ConfigProblem> problems) {
    ConfigObject defaults = runtimeDefaults.getObject("service");
    ConfigObject user = object(gputel, "service", "gputel.service", problems);
    Config merged = defaults.toConfig();
    if (user != null) {
      KeyChecker.check(user, defaults, "gputel.service", problems);
      merged = user.toConfig().withFallback(defaults);
    }
    try {
      return ServiceSettings.from(merged);
    } catch (ConfigException e) {
      problems.add(ConfigProblem.of(e, "gputel.service"));
      return null;
    }
  }

  private List<ComponentId> components(
      ConfigObject gputel,
      ComponentKind kind,
      Config runtimeDefaults,
      Map<ComponentId, ComponentSpec> out,
      List<ConfigProblem> problems) {
    List<ComponentId> ids = new ArrayList<>();
    String sectionPath = "gputel." + kind.section();
    ConfigObject section = object(gputel, kind.section(), sectionPath, problems);
    if (section == null) {
      return ids;
    }
    for (Map.Entry<String, ConfigValue> entry : section.entrySet()) {
      String path = sectionPath + "." + KeyChecker.quoteIfNeeded(entry.getKey());
      ComponentId id;
      try {
        id = ComponentId.parse(kind, entry.getKey());
      } catch (IllegalArgumentException e) {
        problems.add(ConfigProblem.at(entry.getValue().origin(), path, e.getMessage()));
        continue;
      }
      ids.add(id);
      Optional<FactoryInfo> factory = registry.find(kind, id.type());
      if (factory.isEmpty()) {
        problems.add(ConfigProblem.at(entry.getValue().origin(), path, unknownType(kind, id.type())));
        continue;
      }
      ConfigObject user = object(section, entry.getKey(), path, problems);
      if (user == null && entry.getValue().valueType() != ConfigValueType.NULL) {
        continue;
      }
      ConfigObject defaults = registry.defaults(factory.get());
      if (kind == ComponentKind.EXPORTER) {
        defaults = defaults.withFallback(runtimeDefaults.getObject("exporter-helper"));
      }
      Config merged = defaults.toConfig();
      if (user != null) {
        KeyChecker.check(user, defaults, path, problems);
        merged = user.toConfig().withFallback(defaults);
      }
      if (kind == ComponentKind.EXPORTER) {
        try {
          ExporterHelperSettings.from(merged);
        } catch (ConfigException e) {
          problems.add(ConfigProblem.of(e, path));
        }
      }
      out.put(id, new ComponentSpec(id, factory.get(), merged, path));
    }
    return ids;
  }

  private String unknownType(ComponentKind kind, String type) {
    StringBuilder message = new StringBuilder("unknown " + kind.id() + " type '" + type + "'");
    message.append(Suggestions.hint(type, registry.types(kind)));
    message.append("; known: ").append(String.join(", ", registry.types(kind)));
    registry.problems().stream()
        .filter(p -> p.plugin().contains(type))
        .forEach(p -> message.append("; note ").append(p));
    return message.toString();
  }

  /** Returns the object at {@code key}, or null (with a problem when it is not an object). */
  static ConfigObject object(ConfigObject parent, String key, String path, List<ConfigProblem> problems) {
    ConfigValue value = parent.get(key);
    if (value == null || value.valueType() == ConfigValueType.NULL) {
      return null;
    }
    if (value.valueType() != ConfigValueType.OBJECT) {
      problems.add(ConfigProblem.at(value.origin(), path, "expected an object { ... }"));
      return null;
    }
    return (ConfigObject) value;
  }

  /** Returns the user's configuration with every default filled in, for print-config. */
  private static Config effective(
      ConfigObject gputel, Map<ComponentId, ComponentSpec> components, Config runtimeDefaults) {
    Config result = ConfigFactory.empty();
    ConfigValue userService = gputel.get("service");
    Config serviceConfig = runtimeDefaults.getConfig("service");
    if (userService instanceof ConfigObject object) {
      serviceConfig = object.toConfig().withFallback(serviceConfig);
    }
    result = result.withValue("gputel.service", serviceConfig.root());
    for (ComponentSpec spec : components.values()) {
      result = result.withValue(
          "gputel." + spec.id().kind().section() + ".\"" + spec.id() + "\"", spec.config().root());
    }
    ConfigValue pipelines = gputel.get("pipelines");
    result = result.withValue("gputel.pipelines",
        pipelines != null ? pipelines : ConfigValueFactory.fromMap(Map.of()));
    return result;
  }
}
