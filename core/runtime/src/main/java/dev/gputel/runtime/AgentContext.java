package dev.gputel.runtime;

import dev.gputel.runtime.telemetry.StatusBoard;
import dev.gputel.runtime.telemetry.TelemetryRegistry;
import java.time.Clock;
import java.util.function.Consumer;

/**
 * What an agent runs with besides its configuration.
 *
 * @param onFatal called when a component reports an error it cannot recover from
 */
public record AgentContext(Clock clock, TelemetryRegistry telemetry, StatusBoard status,
    Consumer<Throwable> onFatal) {

  /** Returns a context on the system clock with fresh telemetry. */
  public static AgentContext create(Consumer<Throwable> onFatal) {
    Clock clock = Clock.systemUTC();
    return new AgentContext(clock, new TelemetryRegistry(), new StatusBoard(clock), onFatal);
  }
}
