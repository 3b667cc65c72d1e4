package dev.gputel.receiver.nvidiasmi;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * Runs a query once per interval, each run bounded by its timeout: {@code --query-gpu} in one-shot
 * mode, and {@code --query-remapped-rows} in both modes. Polls share one thread, so in one-shot mode
 * never more than one nvidia-smi runs at a time, and a late poll delays the next instead of
 * overlapping it. A failure for one of the {@code fatal} reasons (the driver does not know the
 * query at all) stops the polling.
 */
final class PollingCollector implements Collector {
  private final QueryRunner runner;
  private final RunReporter reporter;
  private final Consumer<Sample> sink;
  private final ScheduledExecutorService poller;
  private final Duration initialDelay;
  private final Duration interval;
  private final Set<String> fatal;
  private final Logger log;
  private ScheduledFuture<?> schedule;

  PollingCollector(QueryRunner runner, RunReporter reporter, Consumer<Sample> sink, ScheduledExecutorService poller,
      Duration initialDelay, Duration interval, Set<String> fatal, Logger log) {
    this.runner = runner;
    this.reporter = reporter;
    this.sink = sink;
    this.poller = poller;
    this.initialDelay = initialDelay;
    this.interval = interval;
    this.fatal = fatal;
    this.log = log;
  }

  @Override
  public synchronized void start(String threadName) {
    schedule = poller.scheduleAtFixedRate(this::poll, initialDelay.toNanos(), interval.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void poll() {
    try {
      QueryRunner.Attempt attempt;
      do {
        attempt = runner.attempt(this::deliver);
      } while (attempt.kind() == QueryRunner.Attempt.Kind.RETRY_NOW);
      if (attempt.kind() == QueryRunner.Attempt.Kind.FAILED) {
        if (fatal.contains(attempt.failure().reason())) {
          log.warn("{}; not asking again until the agent restarts", attempt.failure().message());
          cancel();
        } else {
          reporter.failed(attempt.failure(), Durations.format(interval));
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("nvidia-smi poll failed unexpectedly", e);
    }
  }

  private void deliver(Sample sample) {
    reporter.delivered();
    sink.accept(sample);
  }

  private synchronized void cancel() {
    if (schedule != null) {
      schedule.cancel(false);
    }
  }

  @Override
  public void stop() {
    cancel();
    runner.stop();
  }
}
