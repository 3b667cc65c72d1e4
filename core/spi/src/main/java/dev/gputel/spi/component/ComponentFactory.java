package dev.gputel.spi.component;

import dev.gputel.spi.data.Signal;
import java.util.Set;
import org.pf4j.ExtensionPoint;

/**
 * What every factory declares about the components it makes.
 *
 * <p>Factories are pf4j extensions: built-in ones are listed in the agent's own {@code
 * META-INF/extensions.idx} and third-party ones in their plugin jar's, and both are found the same
 * way. A factory's defaults live only in the {@code reference.conf} beside it, under {@code
 * gputel.<kind>s.<type>}; the runtime rejects any key a user sets that is not there.
 */
public interface ComponentFactory extends ExtensionPoint {

  /** Returns the type users write in configuration, in kebab-case: {@code nvidia-smi}. */
  String type();

  /** Returns how settled this component is. */
  Stability stability();

  /** Returns the signals the component can carry. */
  Set<Signal> signals();

  /** Returns one sentence saying what the component does, for {@code gputel components}. */
  default String description() {
    return "";
  }
}
