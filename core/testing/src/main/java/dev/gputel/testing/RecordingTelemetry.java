package dev.gputel.testing;

import dev.gputel.spi.component.ComponentStatus;
import dev.gputel.spi.component.Counter;
import dev.gputel.spi.component.Telemetry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;

/** Telemetry that remembers every count, gauge and status, for assertions. */
public final class RecordingTelemetry implements Telemetry {
  private final Map<String, AtomicLong> counters = new ConcurrentHashMap<>();
  private final Map<String, DoubleSupplier> gauges = new ConcurrentHashMap<>();
  private final List<ComponentStatus> statuses = new ArrayList<>();

  @Override
  public Counter counter(String name, String help, Map<String, String> labels) {
    AtomicLong value = counters.computeIfAbsent(key(name, labels), k -> new AtomicLong());
    return value::addAndGet;
  }

  @Override
  public void gauge(String name, String help, DoubleSupplier value) {
    gauges.put(name, value);
  }

  @Override
  public synchronized void reportStatus(ComponentStatus status) {
    statuses.add(status);
  }

  /** Returns a counter's value; labels as {@code name{k=v,...}} in key order, or the bare name. */
  public long counter(String name) {
    AtomicLong value = counters.get(name);
    return value == null ? 0 : value.get();
  }

  /** Returns a counter's value for one set of labels. */
  public long counter(String name, Map<String, String> labels) {
    return counter(key(name, labels));
  }

  public double gauge(String name) {
    DoubleSupplier gauge = gauges.get(name);
    return gauge == null ? Double.NaN : gauge.getAsDouble();
  }

  /** Returns every status reported, oldest first. */
  public synchronized List<ComponentStatus> statuses() {
    return List.copyOf(statuses);
  }

  private static String key(String name, Map<String, String> labels) {
    return labels.isEmpty() ? name : name + new TreeMap<>(labels);
  }
}
