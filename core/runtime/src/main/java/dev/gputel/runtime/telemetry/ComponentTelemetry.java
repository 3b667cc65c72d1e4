package dev.gputel.runtime.telemetry;

import dev.gputel.spi.component.ComponentId;
import dev.gputel.spi.component.ComponentStatus;
import dev.gputel.spi.component.Counter;
import dev.gputel.spi.component.Telemetry;
import java.util.HashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One component's view of the registry: a counter {@code sent_items} of exporter {@code debug}
 * becomes {@code gputel_exporter_sent_items_total{exporter="debug"}}.
 */
public final class ComponentTelemetry implements Telemetry {
  private static final Logger log = LoggerFactory.getLogger(ComponentTelemetry.class);

  private final TelemetryRegistry registry;
  private final StatusBoard statusBoard;
  private final ComponentId id;
  private final String prefix;
  private final Map<String, String> baseLabels;

  public ComponentTelemetry(TelemetryRegistry registry, StatusBoard statusBoard, ComponentId id) {
    this.registry = registry;
    this.statusBoard = statusBoard;
    this.id = id;
    this.prefix = "gputel_" + id.kind().id() + "_";
    this.baseLabels = Map.of(id.kind().id(), id.toString());
  }

  @Override
  public Counter counter(String name, String help, Map<String, String> labels) {
    return registry.counter(prefix + name + "_total", help, withBase(labels));
  }

  /** Registers a gauge with extra labels. */
  public void gauge(String name, String help, Map<String, String> labels, DoubleSupplier value) {
    registry.gauge(prefix + name, help, withBase(labels), value);
  }

  @Override
  public void gauge(String name, String help, DoubleSupplier value) {
    gauge(name, help, Map.of(), value);
  }

  @Override
  public void reportStatus(ComponentStatus status) {
    String key = id.kind().id() + "/" + id;
    if (!statusBoard.report(key, status)) {
      return;
    }
    registry.gauge(
        prefix + "up",
        "1 when the component reaches its source or destination, 0 when it does not (see /healthz for why)",
        baseLabels,
        () -> statusBoard.snapshot().get(key).status().up() ? 1 : 0);
    if (status.up()) {
      log.info("{} {} is up", id.kind().id(), id);
    } else {
      log.warn("{} {} is down: {}", id.kind().id(), id, status.reason());
    }
  }

  private Map<String, String> withBase(Map<String, String> labels) {
    if (labels.isEmpty()) {
      return baseLabels;
    }
    Map<String, String> all = new HashMap<>(labels);
    all.putAll(baseLabels);
    return all;
  }
}
