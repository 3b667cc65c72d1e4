package dev.gputel.spi.consumer;

import dev.gputel.spi.data.EventBatch;

/** Takes event batches from the component before it in a pipeline. */
@FunctionalInterface
public interface EventsConsumer {

  /**
   * Hands a batch on. When this returns, the pipeline has accepted the batch: every durable
   * exporter has it in its spool, so a receiver may now commit its read position. Throws {@link
   * RefusedException} when it could not be accepted; the receiver should keep its position and
   * offer the events again later.
   */
  void consume(EventBatch batch);
}
