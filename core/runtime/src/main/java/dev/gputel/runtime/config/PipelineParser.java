package dev.gputel.runtime.config;

import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueFactory;
import com.typesafe.config.ConfigValueType;
import dev.gputel.spi.component.ComponentId;
import dev.gputel.spi.component.ComponentKind;
import dev.gputel.spi.component.Suggestions;
import dev.gputel.spi.data.Signal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code gputel.pipelines}: {@code metrics[/name]} and {@code events[/name]} entries. */
final class PipelineParser {
  private static final ConfigObject PIPELINE_KEYS =
      ConfigValueFactory.fromMap(Map.of("receivers", List.of(), "processors", List.of(), "exporters", List.of()));

  private final Map<ComponentKind, List<ComponentId>> declared;
  private final Map<ComponentId, ComponentSpec> components;

  PipelineParser(Map<ComponentKind, List<ComponentId>> declared, Map<ComponentId, ComponentSpec> components) {
    this.declared = declared;
    this.components = components;
  }

  List<PipelineSpec> parse(ConfigObject pipelines, List<ConfigProblem> problems) {
    List<PipelineSpec> result = new ArrayList<>();
    if (pipelines == null || pipelines.isEmpty()) {
      problems.add(new ConfigProblem(pipelines == null ? "" : location(pipelines), "gputel.pipelines",
          "no pipelines: define at least one, as in metrics { receivers = [...], exporters = [...] }"));
      return result;
    }
    for (Map.Entry<String, ConfigValue> entry : pipelines.entrySet()) {
      String id = entry.getKey();
      String path = "gputel.pipelines." + KeyChecker.quoteIfNeeded(id);
      Signal signal = signalOf(id);
      if (signal == null) {
        problems.add(ConfigProblem.at(entry.getValue().origin(), path,
            "a pipeline is named after its signal: metrics, events, metrics/<name> or events/<name>"));
        continue;
      }
      ConfigObject body = ConfigValidator.object(pipelines, id, path, problems);
      if (body == null) {
        continue;
      }
      KeyChecker.check(body, PIPELINE_KEYS, path, problems);
      List<ComponentId> receivers = ids(body, ComponentKind.RECEIVER, signal, id, path, problems);
      List<ComponentId> processors = ids(body, ComponentKind.PROCESSOR, signal, id, path, problems);
      List<ComponentId> exporters = ids(body, ComponentKind.EXPORTER, signal, id, path, problems);
      if (receivers.isEmpty()) {
        problems.add(ConfigProblem.at(body.origin(), path + ".receivers", "a pipeline needs at least one receiver"));
      }
      if (exporters.isEmpty()) {
        problems.add(ConfigProblem.at(body.origin(), path + ".exporters", "a pipeline needs at least one exporter"));
      }
      result.add(new PipelineSpec(id, signal, receivers, processors, exporters));
    }
    return result;
  }

  private List<ComponentId> ids(
      ConfigObject body, ComponentKind kind, Signal signal, String pipeline, String path,
      List<ConfigProblem> problems) {
    List<ComponentId> ids = new ArrayList<>();
    String listPath = path + "." + kind.section();
    ConfigValue value = body.get(kind.section());
    if (value == null) {
      return ids;
    }
    List<ConfigValue> items;
    if (value.valueType() == ConfigValueType.LIST) {
      items = (ConfigList) value;
    } else if (value.valueType() == ConfigValueType.STRING) {
      // A comma-separated string, so that one environment variable can choose the components:
      // exporters = ${?GPUTEL_METRICS_EXPORTERS} with GPUTEL_METRICS_EXPORTERS=prometheus,cloudwatch.
      items = commaSeparated(value);
    } else {
      problems.add(ConfigProblem.at(value.origin(), listPath,
          "expected a list, as in [replay], or a comma-separated string, as in \"replay,nvml\""));
      return ids;
    }
    Set<ComponentId> seen = new HashSet<>();
    for (ConfigValue item : items) {
      if (item.valueType() != ConfigValueType.STRING) {
        problems.add(ConfigProblem.at(item.origin(), listPath, "expected component names, found " + item.render()));
        continue;
      }
      String name = (String) item.unwrapped();
      ComponentId id;
      try {
        id = ComponentId.parse(kind, name);
      } catch (IllegalArgumentException e) {
        problems.add(ConfigProblem.at(item.origin(), listPath, e.getMessage()));
        continue;
      }
      if (!declared.get(kind).contains(id)) {
        List<String> names = declared.get(kind).stream().map(ComponentId::toString).toList();
        problems.add(ConfigProblem.at(item.origin(), listPath,
            "pipeline '" + pipeline + "' names " + kind.id() + " '" + name
                + "', which is not defined under gputel." + kind.section() + Suggestions.hint(name, names)));
        continue;
      }
      if (!seen.add(id)) {
        problems.add(ConfigProblem.at(item.origin(), listPath, "'" + name + "' is listed twice"));
        continue;
      }
      ComponentSpec spec = components.get(id);
      if (spec != null && !spec.factory().factory().signals().contains(signal)) {
        problems.add(ConfigProblem.at(item.origin(), listPath,
            kind.id() + " '" + name + "' does not support " + signal.id() + " (it supports "
                + spec.factory().factory().signals().stream().map(Signal::id).sorted().toList() + ")"));
        continue;
      }
      ids.add(id);
    }
    return ids;
  }

  private static List<ConfigValue> commaSeparated(ConfigValue value) {
    List<ConfigValue> items = new ArrayList<>();
    for (String name : ((String) value.unwrapped()).split(",")) {
      if (!name.isBlank()) {
        items.add(ConfigValueFactory.fromAnyRef(name.strip()).withOrigin(value.origin()));
      }
    }
    return items;
  }

  /** Returns the signal a pipeline id names ({@code metrics}, {@code events/audit}), or null. */
  private static Signal signalOf(String pipelineId) {
    String[] parts = pipelineId.split("/", 2);
    if (parts.length == 2 && parts[1].isEmpty()) {
      return null;
    }
    for (Signal signal : Signal.values()) {
      if (signal.id().equals(parts[0])) {
        return signal;
      }
    }
    return null;
  }

  private static String location(ConfigObject object) {
    return ConfigProblem.at(object.origin(), "", "").location();
  }
}
