package dev.gputel.spi.consumer;

import dev.gputel.spi.data.EventBatch;
import java.util.Objects;

/**
 * Where a receiver sends what it produces, one consumer per signal. A receiver shared by several
 * pipelines gets consumers that fan out to all of them; a signal no pipeline takes from it gets a
 * consumer that discards.
 */
public record Consumers(MetricsConsumer metrics, EventsConsumer events) {
  private static final MetricsConsumer DISCARD_METRICS = batch -> {};
  private static final EventsConsumer DISCARD_EVENTS = new EventsConsumer() {
    @Override
    public void consume(EventBatch batch) {}

    @Override
    public boolean wanted() {
      return false;
    }
  };

  public Consumers {
    Objects.requireNonNull(metrics, "metrics");
    Objects.requireNonNull(events, "events");
  }

  /** Returns consumers that discard everything; the events side says it is not {@linkplain EventsConsumer#wanted() wanted}. */
  public static Consumers discarding() {
    return new Consumers(DISCARD_METRICS, DISCARD_EVENTS);
  }
}
