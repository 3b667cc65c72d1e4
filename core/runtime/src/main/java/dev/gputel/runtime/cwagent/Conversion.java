package dev.gputel.runtime.cwagent;

import java.util.List;
import java.util.Optional;

/**
 * A CloudWatch agent configuration converted to gputel's.
 *
 * @param hocon the equivalent gputel configuration, ready to load or to save as a file
 * @param warnings each key that was not carried over, located and with the reason
 * @param runAsUser the agent's {@code agent.run_as_user}: gputel does not switch users itself, so the
 *     caller checks it against the user it runs as
 */
public record Conversion(String hocon, List<String> warnings, Optional<String> runAsUser) {
  public Conversion {
    warnings = List.copyOf(warnings);
  }
}
