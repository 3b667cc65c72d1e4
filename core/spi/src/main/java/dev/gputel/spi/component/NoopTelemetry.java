package dev.gputel.spi.component;

import java.util.Map;
import java.util.function.DoubleSupplier;

/** Telemetry that records nothing. */
enum NoopTelemetry implements Telemetry {
  INSTANCE;

  private static final Counter NOOP_COUNTER = amount -> {};

  @Override
  public Counter counter(String name, String help, Map<String, String> labels) {
    return NOOP_COUNTER;
  }

  @Override
  public void gauge(String name, String help, DoubleSupplier value) {}

  @Override
  public void reportStatus(ComponentStatus status) {}
}
