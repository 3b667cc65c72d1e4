package dev.gputel.runtime.exporter;

import dev.gputel.spi.component.ComponentId;
import dev.gputel.spi.component.Host;
import dev.gputel.spi.exporter.Exporter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/** The worker threads and lifecycle shared by the queued and the spooled runner. */
abstract sealed class WorkerRunner implements ExporterRunner permits QueuedExporter, SpooledExporter {
  /** How often an idle worker looks up from its wait to notice that intake has closed. */
  static final Duration IDLE_POLL = Duration.ofMillis(100);

  final ComponentId id;
  final Exporter exporter;
  final ExportCall call;
  final ExporterMetrics metrics;
  final Clock clock;
  final Logger log;
  private final Host host;
  private final int workerCount;
  private final List<Thread> workers = new ArrayList<>();
  volatile boolean intakeClosed;

  WorkerRunner(ComponentId id, Exporter exporter, ExporterHelperSettings settings,
      ExporterMetrics metrics, Clock clock, Logger log, Host host) {
    this.id = id;
    this.exporter = exporter;
    this.call = new ExportCall(exporter, settings.retry(), metrics, clock, log);
    this.metrics = metrics;
    this.clock = clock;
    this.log = log;
    this.host = host;
    this.workerCount = settings.queue().workers();
  }

  @Override
  public void start() throws Exception {
    exporter.start(host);
    for (int i = 0; i < workerCount; i++) {
      Thread worker = Thread.ofPlatform().daemon()
          .name("gputel-exporter-" + id + "-" + i)
          .start(this::workSafely);
      workers.add(worker);
    }
  }

  private void workSafely() {
    try {
      work();
    } catch (RuntimeException | Error e) {
      log.error("exporter worker stopped by an unexpected error", e);
      host.reportFatalError(e);
    }
  }

  /** Sends batches until intake is closed and nothing is left, or the thread is interrupted. */
  abstract void work();

  /** Accounts for what is still queued once workers have been stopped; returns the item count. */
  abstract long abandonRemaining();

  /** Releases what the runner itself holds, after the exporter has shut down. */
  void closeResources() {}

  @Override
  public long drainAndStop(Instant deadline) {
    intakeClosed = true;
    for (Thread worker : workers) {
      joinUntil(worker, deadline);
    }
    boolean timedOut = workers.stream().anyMatch(Thread::isAlive);
    if (timedOut) {
      log.warn("shutdown deadline reached with data still queued; stopping the workers");
      workers.forEach(Thread::interrupt);
      workers.forEach(worker -> joinUntil(worker, Instant.now().plusSeconds(5)));
    }
    long abandoned = abandonRemaining();
    try {
      exporter.shutdown();
    } catch (RuntimeException e) {
      log.warn("exporter shutdown failed", e);
    }
    closeResources();
    return abandoned;
  }

  private static void joinUntil(Thread thread, Instant deadline) {
    long millis = Duration.between(Instant.now(), deadline).toMillis();
    if (millis <= 0) {
      return;
    }
    try {
      thread.join(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
