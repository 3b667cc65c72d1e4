package dev.gputel.spi.component;

import java.util.List;

/** What the runtime offers a component while it runs; it grows only by default methods. */
public interface Host {

  /**
   * Called by a component that cannot go on at all (not for a source that is merely down: report
   * that through {@link Telemetry#reportStatus}). The runtime logs the error and stops the agent.
   */
  void reportFatalError(Throwable error);

  /**
   * Returns the agent's own {@code gputel_*} metrics as they are now, sorted by name: what the
   * admin endpoint serves on {@code /metrics}. An exporter that publishes metrics on its own
   * endpoint can serve these too. Empty where the host keeps none (tools, tests).
   */
  default List<SelfMetric> selfTelemetry() {
    return List.of();
  }
}
