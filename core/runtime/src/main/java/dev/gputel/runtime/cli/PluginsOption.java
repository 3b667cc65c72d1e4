package dev.gputel.runtime.cli;

import dev.gputel.runtime.plugin.ComponentRegistry;
import dev.gputel.runtime.plugin.PluginLoader;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The plugins directory, shared by every subcommand that needs the component types. */
final class PluginsOption {
  @Option(
      names = "--plugins",
      paramLabel = "DIR",
      description = "Directory of plugin jars (default: $GPUTEL_HOME/plugins, or ./plugins).")
  Path directory;

  ComponentRegistry load() {
    return PluginLoader.load(directory != null ? directory : defaultDirectory());
  }

  private static Path defaultDirectory() {
    String home = System.getProperty("gputel.home", System.getenv("GPUTEL_HOME"));
    return home != null ? Path.of(home, "plugins") : Path.of("plugins");
  }
}
