package dev.gputel.runtime.exporter;

import dev.gputel.runtime.spool.BatchCodec;
import dev.gputel.runtime.spool.Spool;
import dev.gputel.runtime.spool.SpoolFullException;
import dev.gputel.runtime.spool.SpoolRecord;
import dev.gputel.spi.component.ComponentId;
import dev.gputel.spi.component.Host;
import dev.gputel.spi.consumer.RefusedException;
import dev.gputel.spi.data.TelemetryBatch;
import dev.gputel.spi.exporter.Exporter;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;

/**
 * An exporter behind a durable spool. {@link #offer} returns once the batch is on disk (group
 * commit), so a receiver may commit its read position; a batch leaves the spool only after the
 * exporter delivered it or it was dropped for good (and counted).
 */
public final class SpooledExporter extends WorkerRunner {
  private static final long FULL_WARNING_INTERVAL_MILLIS = 60_000;

  private final Spool spool;
  private final AtomicLong lastFullWarning = new AtomicLong(Long.MIN_VALUE / 2);
  private final AtomicLong refusedSinceWarning = new AtomicLong();

  public SpooledExporter(ComponentId id, Exporter exporter, ExporterHelperSettings settings,
      ExporterMetrics metrics, Clock clock, Logger log, Host host, Spool spool) {
    super(id, exporter, settings, metrics, clock, log, host);
    this.spool = spool;
    metrics.telemetry().gauge("spool_bytes", "Bytes the exporter's spool takes on disk", spool::sizeBytes);
    metrics.telemetry().counter("spool_torn_records", "Records cut short by a crash, discarded at start")
        .add(spool.recovery().tornRecords());
    metrics.telemetry().gauge("spool_corrupt_records", "Damaged spool records skipped since start",
        spool::corruptRecords);
    if (spool.recovery().pendingBytes() > 0) {
      log.info("spool {} holds {} bytes from before the restart; sending them first",
          spool.directory(), spool.recovery().pendingBytes());
    }
  }

  @Override
  public void offer(TelemetryBatch batch) {
    if (intakeClosed) {
      metrics.refused(batch.signal(), batch.size());
      throw new RefusedException("exporter " + id + " is stopping");
    }
    try {
      spool.append(BatchCodec.encode(batch));
      metrics.accepted(batch.signal(), batch.size());
    } catch (SpoolFullException e) {
      metrics.refused(batch.signal(), batch.size());
      warnFull(e, batch);
      throw new RefusedException(e.getMessage(), e);
    } catch (IOException e) {
      metrics.refused(batch.signal(), batch.size());
      throw new RefusedException("exporter " + id + " could not write its spool: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      metrics.refused(batch.signal(), batch.size());
      throw new RefusedException("interrupted while spooling", e);
    }
  }

  /** Warns of a full spool at most once a minute: a receiver offers again and again meanwhile. */
  private void warnFull(SpoolFullException e, TelemetryBatch batch) {
    long now = clock.millis();
    long refusedSince = refusedSinceWarning.incrementAndGet();
    long last = lastFullWarning.get();
    if (now - last >= FULL_WARNING_INTERVAL_MILLIS && lastFullWarning.compareAndSet(last, now)) {
      refusedSinceWarning.set(0);
      log.warn("{}; refusing new batches until the exporter catches up ({} refused since the last warning,"
          + " the latest with {} {} item(s))", e.getMessage(), refusedSince, batch.size(), batch.signal().id());
    }
  }

  @Override
  void work() {
    while (true) {
      SpoolRecord record;
      try {
        record = spool.next(IDLE_POLL.toMillis(), TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      } catch (IOException e) {
        log.error("reading the spool failed", e);
        return;
      }
      if (record == null) {
        if (intakeClosed && spool.isDrained()) {
          return;
        }
        continue;
      }
      TelemetryBatch batch;
      try {
        batch = BatchCodec.decode(record.payload());
      } catch (IOException e) {
        log.error("skipping an unreadable spool record: {}", e.getMessage());
        ack(record);
        continue;
      }
      // Not acknowledged when interrupted: the batch stays in the spool for the next start.
      if (call.send(batch) == ExportCall.Outcome.INTERRUPTED) {
        return;
      }
      ack(record);
    }
  }

  private void ack(SpoolRecord record) {
    try {
      spool.ack(record);
    } catch (IOException e) {
      log.error("could not record delivery in the spool; the batch may be sent again", e);
    }
  }

  @Override
  long abandonRemaining() {
    return 0; // What is left stays in the spool.
  }

  @Override
  void closeResources() {
    try {
      spool.close();
    } catch (IOException e) {
      log.error("closing the spool failed", e);
    }
  }
}
