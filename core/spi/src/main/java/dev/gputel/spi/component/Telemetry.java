package dev.gputel.spi.component;

import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * A component's own metrics and status, published by the agent as {@code gputel_*} metrics and on
 * {@code /healthz}.
 *
 * <p>A counter named {@code lines_skipped} on receiver {@code replay} appears as {@code
 * gputel_receiver_lines_skipped_total{receiver="replay"}}. Names are snake_case; the runtime adds
 * the prefix, the kind, the {@code _total} suffix of counters and the component label.
 */
public interface Telemetry {

  /** Returns the counter with this name and help text, creating it on first use. */
  default Counter counter(String name, String help) {
    return counter(name, help, Map.of());
  }

  /** Returns the counter with this name and extra labels, creating it on first use. */
  Counter counter(String name, String help, Map<String, String> labels);

  /** Publishes a gauge whose value is read from {@code value} at every scrape. */
  void gauge(String name, String help, DoubleSupplier value);

  /**
   * Records whether the component's source or destination is reachable, and why not. Report
   * every change; repeating the current status is cheap and ignored. The runtime logs each change,
   * so the component need not log it again.
   */
  void reportStatus(ComponentStatus status);

  /** Returns telemetry that records nothing, for tools and tests that do not need it. */
  static Telemetry noop() {
    return NoopTelemetry.INSTANCE;
  }
}
