package dev.gputel.spi.consumer;

import dev.gputel.spi.data.MetricBatch;

/** Takes metric batches from the component before it in a pipeline. */
@FunctionalInterface
public interface MetricsConsumer {

  /**
   * Hands a batch on. When this returns, the pipeline has accepted the batch: every durable
   * exporter has it in its spool, the others in their queues. Throws {@link RefusedException} when
   * it could not be accepted; the caller may offer it again later.
   */
  void consume(MetricBatch batch);

  /**
   * Returns whether any pipeline behind this consumer keeps metrics of this name, so that a
   * receiver need not collect what a processor (such as a workload profile) would drop. Ask once,
   * at start: the answer does not change while the agent runs.
   */
  default boolean wants(String metricName) {
    return true;
  }
}
