package dev.gputel.receiver.nvidiasmi;

import dev.gputel.spi.component.RestartBackoff;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * Keeps one {@code nvidia-smi --query-gpu ... -lms} running on a thread of its own. When it cannot
 * start, is not installed yet, exits or goes quiet (the watchdog kills it), the next one starts
 * after a backoff; when it named fields it does not know, the next one starts at once without them.
 */
final class LoopCollector implements Collector {
  private final QueryRunner runner;
  private final RestartBackoff backoff;
  private final RunReporter reporter;
  private final Consumer<Sample> sink;
  private final Logger log;
  private final CountDownLatch stopped = new CountDownLatch(1);
  private Thread thread;

  LoopCollector(QueryRunner runner, RestartBackoff backoff, RunReporter reporter, Consumer<Sample> sink, Logger log) {
    this.runner = runner;
    this.backoff = backoff;
    this.reporter = reporter;
    this.sink = sink;
    this.log = log;
  }

  @Override
  public void start(String threadName) {
    thread = Thread.ofPlatform().daemon().name(threadName).start(this::supervise);
  }

  private void supervise() {
    try {
      while (stopped.getCount() > 0) {
        QueryRunner.Attempt attempt = runner.attempt(this::deliver);
        switch (attempt.kind()) {
          case STOPPED -> {
            return;
          }
          case RETRY_NOW -> {}
          case OK, FAILED -> {
            Duration wait = backoff.next();
            if (attempt.failure() != null) {
              reporter.failed(attempt.failure(), Durations.format(wait));
            }
            if (stopped.await(wait.toNanos(), TimeUnit.NANOSECONDS)) {
              return;
            }
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("nvidia-smi loop stopped by an unexpected error", e);
    }
  }

  private void deliver(Sample sample) {
    backoff.reset();
    reporter.delivered();
    sink.accept(sample);
  }

  @Override
  public void stop() throws InterruptedException {
    stopped.countDown();
    runner.stop();
    if (thread != null) {
      thread.join(Duration.ofSeconds(10));
    }
  }
}
