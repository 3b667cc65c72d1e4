package dev.gputel.spi.component;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the runtime hands a factory along with the component's configuration: who the component
 * is, where it may keep state, and how it reports on itself.
 *
 * @param clock the only source of time a component should use, so that tests can drive it
 * @param stateDirectory a directory of the component's own that survives restarts (cursors,
 *     offsets); created by the runtime before {@link Component#start}
 * @param agentVersion the version of the agent running the component
 */
public record ComponentSettings(
    ComponentId id, Telemetry telemetry, Clock clock, Path stateDirectory, String agentVersion) {

  public ComponentSettings {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(telemetry, "telemetry");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(stateDirectory, "stateDirectory");
    Objects.requireNonNull(agentVersion, "agentVersion");
  }

  /** Returns the logger for this instance, named {@code gputel.<kind>.<id>}. */
  public Logger logger() {
    return LoggerFactory.getLogger("gputel." + id.kind().id() + "." + id);
  }
}
