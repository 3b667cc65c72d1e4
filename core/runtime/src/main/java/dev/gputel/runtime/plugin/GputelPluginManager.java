package dev.gputel.runtime.plugin;

import java.nio.file.Path;
import java.util.List;
import org.pf4j.DefaultPluginManager;

/** pf4j's manager, opened up so that plugins can be loaded one by one and failures reported. */
final class GputelPluginManager extends DefaultPluginManager {
  GputelPluginManager(Path pluginsDirectory) {
    super(pluginsDirectory);
  }

  /** Returns the plugin jars and directories found in the plugins directory. */
  List<Path> pluginPaths() {
    return pluginRepository.getPluginPaths();
  }
}
