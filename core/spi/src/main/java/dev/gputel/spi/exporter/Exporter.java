package dev.gputel.spi.exporter;

import dev.gputel.spi.component.Component;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.MetricBatch;

/**
 * Sends batches to a destination. The runtime puts a bounded queue (or a durable spool), worker
 * threads and retries in front of every exporter, so an export method only sends one batch once:
 * it returns when the destination has it, or throws.
 *
 * <p>Throw {@link RetryableExportException} for a failure that may pass (timeout, throttling, 5xx)
 * and {@link PermanentExportException} for one that will not (the destination rejected the data);
 * any other exception is treated as retryable.
 */
public interface Exporter extends Component {

  /** Sends one metric batch; called from the exporter's worker threads. */
  default void exportMetrics(MetricBatch batch) throws ExportException {
    throw new PermanentExportException(getClass().getSimpleName() + " does not export metrics");
  }

  /** Sends one event batch; called from the exporter's worker threads. */
  default void exportEvents(EventBatch batch) throws ExportException {
    throw new PermanentExportException(getClass().getSimpleName() + " does not export events");
  }
}
