package dev.gputel.runtime.plugin;

/** A plugin jar, or one extension in it, that could not be used and was skipped. */
public record PluginProblem(String plugin, String message) {
  @Override
  public String toString() {
    return "plugin " + plugin + ": " + message;
  }
}
