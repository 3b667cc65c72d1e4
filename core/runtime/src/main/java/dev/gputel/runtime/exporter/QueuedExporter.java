package dev.gputel.runtime.exporter;

import dev.gputel.spi.component.ComponentId;
import dev.gputel.spi.component.Host;
import dev.gputel.spi.data.TelemetryBatch;
import dev.gputel.spi.exporter.Exporter;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * An exporter behind a bounded in-memory queue. {@link #offer} never blocks: when the queue is full
 * the batch is dropped and counted, so a slow destination costs its own data, not anyone else's.
 */
public final class QueuedExporter extends WorkerRunner {
  private final BlockingQueue<TelemetryBatch> queue;

  public QueuedExporter(ComponentId id, Exporter exporter, ExporterHelperSettings settings,
      ExporterMetrics metrics, Clock clock, Logger log, Host host) {
    super(id, exporter, settings, metrics, clock, log, host);
    this.queue = new ArrayBlockingQueue<>(settings.queue().size());
    metrics.telemetry().gauge("queue_size", "Batches waiting in the exporter's queue", queue::size);
    metrics.telemetry().gauge("queue_capacity", "Batches the exporter's queue can hold",
        () -> settings.queue().size());
  }

  @Override
  public void offer(TelemetryBatch batch) {
    if (intakeClosed) {
      metrics.dropped(batch.signal(), DropReason.SHUTDOWN, batch.size());
      return;
    }
    if (queue.offer(batch)) {
      metrics.accepted(batch.signal(), batch.size());
    } else {
      metrics.dropped(batch.signal(), DropReason.QUEUE_FULL, batch.size());
    }
  }

  @Override
  void work() {
    while (true) {
      TelemetryBatch batch;
      try {
        batch = queue.poll(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (batch == null) {
        if (intakeClosed && queue.isEmpty()) {
          return;
        }
        continue;
      }
      if (call.send(batch) == ExportCall.Outcome.INTERRUPTED) {
        metrics.dropped(batch.signal(), DropReason.SHUTDOWN, batch.size());
        return;
      }
    }
  }

  @Override
  long abandonRemaining() {
    List<TelemetryBatch> left = new ArrayList<>();
    queue.drainTo(left);
    long items = 0;
    for (TelemetryBatch batch : left) {
      metrics.dropped(batch.signal(), DropReason.SHUTDOWN, batch.size());
      items += batch.size();
    }
    return items;
  }
}
