package dev.gputel.spi.component;

/** What the runtime offers a component while it runs; it grows only by default methods. */
public interface Host {

  /**
   * Called by a component that cannot go on at all (not for a source that is merely down: report
   * that through {@link Telemetry#reportStatus}). The runtime logs the error and stops the agent.
   */
  void reportFatalError(Throwable error);
}
