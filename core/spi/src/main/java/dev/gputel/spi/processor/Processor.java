package dev.gputel.spi.processor;

import dev.gputel.spi.component.Component;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.MetricBatch;

/**
 * Transforms batches on their way through one pipeline (adds attributes, filters, classifies).
 * Each pipeline gets its own instance. The runtime calls it on the receiver's thread, so it must
 * be quick and must not block; it may be called from several threads at once.
 */
public interface Processor extends Component {

  /** Returns the batch to pass on; an empty batch stops it here. */
  default MetricBatch processMetrics(MetricBatch batch) {
    return batch;
  }

  /**
   * Returns false for a metric name this processor always drops, whatever its value or
   * attributes; the runtime tells receivers, which then do not collect it.
   */
  default boolean keepsMetric(String metricName) {
    return true;
  }

  /** Returns the batch to pass on; an empty batch stops it here. */
  default EventBatch processEvents(EventBatch batch) {
    return batch;
  }
}
