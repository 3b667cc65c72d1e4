package dev.gputel.runtime.exporter;

import dev.gputel.spi.data.TelemetryBatch;
import java.time.Instant;

/**
 * What the runtime puts in front of one exporter: a bounded queue or a durable spool, the worker
 * threads that drain it, and retries. Pipelines hand batches to {@link #offer}, which never waits
 * for the destination.
 */
public interface ExporterRunner {

  /** Starts the exporter, then its workers. */
  void start() throws Exception;

  /**
   * Takes a batch. A queue that is full drops it and counts the drop; a spool that is full throws
   * {@link dev.gputel.spi.consumer.RefusedException}, so the producer keeps the data.
   */
  void offer(TelemetryBatch batch);

  /**
   * Stops taking batches, lets the workers send what is queued until {@code deadline}, then stops
   * them and shuts the exporter down. Returns the number of queued items dropped at the deadline.
   */
  long drainAndStop(Instant deadline);
}
