package dev.gputel.runtime.exporter;

import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.TelemetryBatch;
import dev.gputel.spi.exporter.Exporter;
import dev.gputel.spi.exporter.PermanentExportException;
import dev.gputel.spi.exporter.RetryableExportException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import org.slf4j.Logger;

/** Sends one batch through an exporter, retrying retryable failures with backoff. */
final class ExportCall {
  /** What became of a batch. */
  enum Outcome {
    SENT,
    DROPPED,
    INTERRUPTED
  }

  private final Exporter exporter;
  private final RetrySettings retry;
  private final Backoff backoff;
  private final ExporterMetrics metrics;
  private final Clock clock;
  private final Logger log;

  ExportCall(Exporter exporter, RetrySettings retry, ExporterMetrics metrics, Clock clock, Logger log) {
    this.exporter = exporter;
    this.retry = retry;
    this.backoff = new Backoff(retry, () -> ThreadLocalRandom.current().nextDouble());
    this.metrics = metrics;
    this.clock = clock;
    this.log = log;
  }

  /** Sends {@code batch}; returns INTERRUPTED (batch not delivered) when the thread is interrupted. */
  Outcome send(TelemetryBatch batch) {
    Instant started = clock.instant();
    for (int attempt = 1; ; attempt++) {
      if (attempt > 1) {
        metrics.retried();
      }
      try {
        switch (batch) {
          case MetricBatch metricsBatch -> exporter.exportMetrics(metricsBatch);
          case EventBatch events -> exporter.exportEvents(events);
        }
        metrics.sent(batch.signal(), batch.size());
        return Outcome.SENT;
      } catch (PermanentExportException e) {
        metrics.failed(batch.signal(), batch.size());
        metrics.dropped(batch.signal(), DropReason.PERMANENT_ERROR, batch.size());
        log.error("dropped {} {} item(s): {}", batch.size(), batch.signal().id(), e.getMessage());
        return Outcome.DROPPED;
      } catch (Exception e) {
        metrics.failed(batch.signal(), batch.size());
        if (Thread.currentThread().isInterrupted()) {
          return Outcome.INTERRUPTED;
        }
        Duration wait = e instanceof RetryableExportException r && r.retryAfter().isPresent()
            ? r.retryAfter().get() : backoff.delay(attempt);
        Duration elapsed = Duration.between(started, clock.instant()).plus(wait);
        boolean giveUp = !retry.enabled()
            || (!retry.maxElapsed().isZero() && elapsed.compareTo(retry.maxElapsed()) > 0);
        if (giveUp) {
          metrics.dropped(batch.signal(), DropReason.RETRIES_EXHAUSTED, batch.size());
          log.error("dropped {} {} item(s) after {} attempt(s): {}",
              batch.size(), batch.signal().id(), attempt, e.getMessage());
          return Outcome.DROPPED;
        }
        log.warn("send failed (attempt {}), retrying in {} ms: {}", attempt, wait.toMillis(), e.toString());
        try {
          Thread.sleep(wait);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return Outcome.INTERRUPTED;
        }
      }
    }
  }
}
