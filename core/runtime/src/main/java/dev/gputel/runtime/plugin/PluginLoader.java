package dev.gputel.runtime.plugin;

import dev.gputel.spi.component.ComponentFactory;
import dev.gputel.spi.component.ComponentKind;
import dev.gputel.spi.component.SpiVersion;
import dev.gputel.spi.exporter.ExporterFactory;
import dev.gputel.spi.processor.ProcessorFactory;
import dev.gputel.spi.receiver.ReceiverFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.pf4j.PluginManager;
import org.pf4j.PluginState;
import org.pf4j.PluginWrapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds component factories with pf4j: those built into the agent (its own {@code
 * META-INF/extensions.idx}) and those in plugin jars under the plugins directory, by one mechanism.
 * A plugin that cannot load (no descriptor, a {@code Plugin-Requires} this agent does not satisfy,
 * a class it needs is missing) is reported and skipped; the agent runs with the rest.
 */
public final class PluginLoader {
  private static final Logger log = LoggerFactory.getLogger(PluginLoader.class);
  private static final Map<ComponentKind, Class<? extends ComponentFactory>> FACTORY_TYPES =
      Map.of(
          ComponentKind.RECEIVER, ReceiverFactory.class,
          ComponentKind.PROCESSOR, ProcessorFactory.class,
          ComponentKind.EXPORTER, ExporterFactory.class);

  private PluginLoader() {}

  /** Loads the built-in components and every plugin in {@code pluginsDirectory}, which may be absent. */
  public static ComponentRegistry load(Path pluginsDirectory) {
    ComponentRegistry registry = new ComponentRegistry();
    GputelPluginManager manager = new GputelPluginManager(pluginsDirectory);
    manager.setSystemVersion(SpiVersion.get());

    if (Files.isDirectory(pluginsDirectory)) {
      for (Path path : manager.pluginPaths()) {
        loadPlugin(manager, path, registry);
      }
      manager.startPlugins();
    }

    addFactories(manager, null, registry);
    for (PluginWrapper plugin : List.copyOf(manager.getPlugins())) {
      if (plugin.getPluginState() == PluginState.STARTED) {
        addFactories(manager, plugin.getPluginId(), registry);
      } else if (plugin.getPluginState() == PluginState.FAILED) {
        reportAndUnload(manager, plugin.getPluginId(), registry,
            "failed to start: " + describe(plugin.getFailedException()));
      }
    }
    registry.problems().forEach(problem -> log.warn("skipped {}", problem));
    return registry;
  }

  private static void loadPlugin(GputelPluginManager manager, Path path, ComponentRegistry registry) {
    String id;
    try {
      id = manager.loadPlugin(path);
    } catch (RuntimeException | LinkageError e) {
      String message = String.valueOf(e.getMessage()).contains("No PluginDescriptorFinder")
          ? "not a plugin: its manifest has no Plugin-Id (see examples/loadavg-receiver)"
          : describe(e);
      registry.addProblem(new PluginProblem(path.getFileName().toString(), message));
      return;
    }
    PluginWrapper plugin = manager.getPlugin(id);
    if (plugin.getPluginState() == PluginState.DISABLED) {
      String requires = plugin.getDescriptor().getRequires();
      reportAndUnload(manager, id, registry,
          "requires gputel SPI " + requires + " but this agent provides " + SpiVersion.get());
    }
  }

  private static void addFactories(PluginManager manager, String pluginId, ComponentRegistry registry) {
    String source = pluginId == null ? "" : pluginId;
    List<FactoryInfo> found = new ArrayList<>();
    try {
      for (Map.Entry<ComponentKind, Class<? extends ComponentFactory>> entry : FACTORY_TYPES.entrySet()) {
        for (Class<? extends ComponentFactory> type : manager.getExtensionClasses(entry.getValue(), pluginId)) {
          ComponentFactory factory = type.getDeclaredConstructor().newInstance();
          // Touch the declared metadata now, so that a missing class fails here and not at start.
          factory.type();
          factory.stability();
          factory.signals();
          found.add(new FactoryInfo(entry.getKey(), factory, source));
        }
      }
    } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
      if (pluginId == null) {
        throw new IllegalStateException("a built-in component cannot be loaded: " + describe(e), e);
      }
      reportAndUnload(manager, pluginId, registry, describe(e));
      return;
    }
    found.forEach(registry::add);
  }

  private static void reportAndUnload(
      PluginManager manager, String pluginId, ComponentRegistry registry, String message) {
    registry.addProblem(new PluginProblem(pluginId, message));
    try {
      manager.unloadPlugin(pluginId);
    } catch (RuntimeException e) {
      log.debug("could not unload plugin {}", pluginId, e);
    }
  }

  private static String describe(Throwable e) {
    if (e == null) {
      return "unknown error";
    }
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String what =
        switch (root) {
          case NoClassDefFoundError ncdf -> "a class it needs is missing: " + ncdf.getMessage().replace('/', '.');
          case ClassNotFoundException cnf -> "a class it needs is missing: " + cnf.getMessage();
          default -> root.getClass().getSimpleName() + ": " + root.getMessage();
        };
    return what;
  }
}
