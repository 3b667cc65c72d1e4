package dev.gputel.exporter.prometheus;

import dev.gputel.spi.component.Host;
import dev.gputel.spi.component.SelfMetric;
import dev.gputel.spi.data.MetricKind;
import java.util.List;
import java.util.Map;

/** A host with two self-telemetry metrics, shaped as the runtime's registry gives them. */
final class SelfTelemetryHost implements Host {
  static final List<SelfMetric> METRICS = List.of(
      new SelfMetric("gputel_agent_info", "The running agent's version (always 1)", MetricKind.GAUGE,
          List.of(new SelfMetric.Sample(Map.of("version", "0.1.0"), 1))),
      new SelfMetric("gputel_exporter_sent_items_total", "Items the exporter sent", MetricKind.COUNTER,
          List.of(new SelfMetric.Sample(Map.of("exporter", "prometheus", "signal", "metrics"), 42))));

  @Override
  public void reportFatalError(Throwable error) {
    throw new AssertionError("unexpected fatal error", error);
  }

  @Override
  public List<SelfMetric> selfTelemetry() {
    return METRICS;
  }
}
