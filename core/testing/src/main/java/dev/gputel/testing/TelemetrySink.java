package dev.gputel.testing;

import dev.gputel.spi.consumer.Consumers;
import dev.gputel.spi.consumer.EventsConsumer;
import dev.gputel.spi.consumer.MetricsConsumer;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Collects what a component produces, for assertions. Waiting methods block on the sink's monitor
 * until the expected data has arrived, so tests never sleep to synchronise.
 */
public final class TelemetrySink implements MetricsConsumer, EventsConsumer {
  private final List<MetricBatch> metricBatches = new ArrayList<>();
  private final List<EventBatch> eventBatches = new ArrayList<>();

  @Override
  public synchronized void consume(MetricBatch batch) {
    metricBatches.add(batch);
    notifyAll();
  }

  @Override
  public synchronized void consume(EventBatch batch) {
    eventBatches.add(batch);
    notifyAll();
  }

  /** Returns consumers that deliver both signals here. */
  public Consumers consumers() {
    return new Consumers(this::consume, this::consume);
  }

  public synchronized List<MetricBatch> metricBatches() {
    return List.copyOf(metricBatches);
  }

  public synchronized List<EventBatch> eventBatches() {
    return List.copyOf(eventBatches);
  }

  /** Returns every point of every batch, in arrival order. */
  public synchronized List<MetricPoint> points() {
    List<MetricPoint> points = new ArrayList<>();
    metricBatches.forEach(batch -> points.addAll(batch.points()));
    return points;
  }

  /** Returns every event of every batch, in arrival order. */
  public synchronized List<Event> events() {
    List<Event> events = new ArrayList<>();
    eventBatches.forEach(batch -> events.addAll(batch.events()));
    return events;
  }

  /** Waits until at least {@code count} metric batches have arrived. */
  public List<MetricBatch> awaitMetricBatches(int count, Duration timeout) throws TimeoutException {
    awaitCondition(() -> metricBatches.size() >= count, timeout, count + " metric batch(es)");
    return metricBatches();
  }

  /** Waits until at least {@code count} events have arrived. */
  public List<Event> awaitEvents(int count, Duration timeout) throws TimeoutException {
    awaitCondition(() -> eventCount() >= count, timeout, count + " event(s)");
    return events();
  }

  private int eventCount() {
    return eventBatches.stream().mapToInt(EventBatch::size).sum();
  }

  private synchronized void awaitCondition(BooleanSupplier condition, Duration timeout, String what)
      throws TimeoutException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (!condition.getAsBoolean()) {
      long remaining = deadline - System.nanoTime();
      if (remaining <= 0) {
        throw new TimeoutException("waited " + timeout + " for " + what + "; have "
            + metricBatches.size() + " metric batch(es), " + eventCount() + " event(s)");
      }
      try {
        wait(Math.max(1, remaining / 1_000_000));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new TimeoutException("interrupted while waiting for " + what);
      }
    }
  }
}
