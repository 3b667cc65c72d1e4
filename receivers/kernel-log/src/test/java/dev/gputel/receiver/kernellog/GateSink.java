package dev.gputel.receiver.kernellog;

import dev.gputel.spi.consumer.EventsConsumer;
import dev.gputel.spi.consumer.RefusedException;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.EventBatch;
import java.util.ArrayList;
import java.util.List;

/**
 * An events consumer that accepts (keeps) batches, or refuses them while its gate is closed, as a
 * durable exporter with a full spool does.
 */
final class GateSink implements EventsConsumer {
  private final List<Event> events = new ArrayList<>();
  private volatile boolean refusing;
  private int refusals;

  @Override
  public synchronized void consume(EventBatch batch) {
    if (refusing) {
      refusals++;
      throw new RefusedException("spool full (test)");
    }
    events.addAll(batch.events());
  }

  void refuse(boolean refuse) {
    refusing = refuse;
  }

  synchronized int refusals() {
    return refusals;
  }

  synchronized List<Event> events() {
    return List.copyOf(events);
  }

  synchronized List<String> bodies() {
    return events.stream().map(Event::body).toList();
  }
}
