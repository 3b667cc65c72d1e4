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

  /**
   * Returns whether any pipeline takes events from this receiver, so that a receiver that makes
   * events as a side line (the nvml receiver watches NVML's event API) need not start that work when
   * nobody would keep them. Ask once, at start: the answer does not change while the agent runs.
   */
  default boolean wanted() {
    return true;
  }
}
