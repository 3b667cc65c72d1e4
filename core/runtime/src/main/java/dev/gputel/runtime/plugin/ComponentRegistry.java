package dev.gputel.runtime.plugin;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import dev.gputel.runtime.config.ConfigFiles;
import dev.gputel.spi.component.ComponentKind;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every component factory the agent can use, built-in and from plugins, with each one's defaults
 * read from the {@code reference.conf} that ships beside it.
 */
public final class ComponentRegistry {
  private final Map<ComponentKind, Map<String, FactoryInfo>> factories =
      new EnumMap<>(ComponentKind.class);
  private final List<PluginProblem> problems = new ArrayList<>();
  private final Map<ClassLoader, Config> references = new ConcurrentHashMap<>();

  public ComponentRegistry() {
    for (ComponentKind kind : ComponentKind.values()) {
      factories.put(kind, new TreeMap<>());
    }
  }

  /** Adds a factory; a second factory of the same kind and type is reported and skipped. */
  public void add(FactoryInfo info) {
    Map<String, FactoryInfo> ofKind = factories.get(info.kind());
    FactoryInfo existing = ofKind.get(info.type());
    if (existing != null) {
      problems.add(
          new PluginProblem(
              info.source(),
              info.kind().id() + " type '" + info.type() + "' is already provided by "
                  + existing.source()));
      return;
    }
    ofKind.put(info.type(), info);
  }

  void addProblem(PluginProblem problem) {
    problems.add(problem);
  }

  public Optional<FactoryInfo> find(ComponentKind kind, String type) {
    return Optional.ofNullable(factories.get(kind).get(type));
  }

  /** Returns the types of one kind, sorted. */
  public Collection<String> types(ComponentKind kind) {
    return factories.get(kind).keySet();
  }

  /** Returns every factory, by kind then type. */
  public List<FactoryInfo> all() {
    List<FactoryInfo> all = new ArrayList<>();
    factories.values().forEach(ofKind -> all.addAll(ofKind.values()));
    all.sort(Comparator.comparing(FactoryInfo::kind).thenComparing(FactoryInfo::type));
    return all;
  }

  /** Returns the plugins and extensions that were skipped, and why. */
  public List<PluginProblem> problems() {
    return List.copyOf(problems);
  }

  /**
   * Returns the defaults of a factory: {@code gputel.<kind>s.<type>} in the {@code reference.conf}
   * files its class loader sees. A factory that ships none accepts no keys.
   */
  public ConfigObject defaults(FactoryInfo info) {
    String path = "gputel." + info.kind().section() + "." + info.type();
    Config reference = reference(info.factory().getClass().getClassLoader());
    return reference.hasPath(path) ? reference.getObject(path) : ConfigFactory.empty().root();
  }

  /** Returns the runtime's own defaults ({@code gputel.service}, {@code gputel.exporter-helper}). */
  public Config runtimeDefaults() {
    return reference(ComponentRegistry.class.getClassLoader()).getConfig("gputel");
  }

  private Config reference(ClassLoader loader) {
    return references.computeIfAbsent(
        loader,
        l ->
            ConfigFactory.parseResourcesAnySyntax(
                    l, "reference.conf", ConfigParseOptions.defaults().setClassLoader(l))
                .resolve(ConfigFiles.resolveOptions(System.getenv())));
  }
}
