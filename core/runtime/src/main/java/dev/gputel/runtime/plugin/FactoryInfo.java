package dev.gputel.runtime.plugin;

import dev.gputel.spi.component.ComponentFactory;
import dev.gputel.spi.component.ComponentKind;

/**
 * A factory the agent found, and where it came from.
 *
 * @param pluginId the pf4j plugin id, or empty for a component built into the agent
 */
public record FactoryInfo(ComponentKind kind, ComponentFactory factory, String pluginId) {

  public String type() {
    return factory.type();
  }

  /** Returns the plugin id, or {@code built-in}. */
  public String source() {
    return pluginId.isEmpty() ? "built-in" : pluginId;
  }
}
