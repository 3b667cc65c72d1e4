package dev.gputel.testing;

import dev.gputel.spi.component.ComponentStatus;
import dev.gputel.spi.component.Counter;
import dev.gputel.spi.component.Telemetry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.DoubleSupplier;
import java.util.function.Predicate;

/**
 * Telemetry that remembers every count, gauge and status, for assertions. Read counters with
 * {@link #count}, gauges with {@link #gaugeValue}; wait for a status with {@link #awaitStatus}.
 */
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
    notifyAll();
  }

  /** Returns the value of an unlabelled counter, 0 when it was never created. */
  public long count(String name) {
    return count(name, Map.of());
  }

  /** Returns the value of a counter with these labels, 0 when it was never created. */
  public long count(String name, Map<String, String> labels) {
    AtomicLong value = counters.get(key(name, labels));
    return value == null ? 0 : value.get();
  }

  /** Returns a gauge's current value, or NaN when it was never registered. */
  public double gaugeValue(String name) {
    DoubleSupplier gauge = gauges.get(name);
    return gauge == null ? Double.NaN : gauge.getAsDouble();
  }

  /** Returns every status reported, oldest first. */
  public synchronized List<ComponentStatus> statuses() {
    return List.copyOf(statuses);
  }

  /** Waits until a status that {@code matches} has been reported, and returns it. */
  public synchronized ComponentStatus awaitStatus(Predicate<ComponentStatus> matches, Duration timeout)
      throws TimeoutException, InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      for (ComponentStatus status : statuses) {
        if (matches.test(status)) {
          return status;
        }
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new TimeoutException("no matching status within " + timeout + "; reported: " + statuses);
      }
      wait(Math.max(1, left / 1_000_000));
    }
  }

  private static String key(String name, Map<String, String> labels) {
    return labels.isEmpty() ? name : name + new TreeMap<>(labels);
  }
}
