package dev.gputel.receiver.nvml;

import dev.gputel.spi.component.Counter;
import dev.gputel.spi.consumer.EventsConsumer;
import dev.gputel.spi.consumer.RefusedException;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.Resource;
import java.util.ArrayDeque;
import java.util.List;
import org.slf4j.Logger;

/**
 * Hands NVML events to the pipelines. NVML cannot give an event twice, so one the pipelines refuse
 * (a durable exporter's spool is full) is kept and offered again with the next ones, up to a bound;
 * beyond it the oldest are dropped and counted. Not thread-safe: the event thread owns it.
 */
final class EventDelivery {
  /** Far more than a burst of faults; a pipeline refusing longer than this is down, not busy. */
  static final int MAX_PENDING = 1024;

  private final EventsConsumer next;
  private final Counter dropped;
  private final Logger log;
  private final ArrayDeque<Event> pending = new ArrayDeque<>();

  EventDelivery(EventsConsumer next, Counter dropped, Logger log) {
    this.next = next;
    this.dropped = dropped;
    this.log = log;
  }

  /** Offers {@code events}, after any still pending, as one batch. */
  void deliver(List<Event> events) {
    for (Event event : events) {
      if (pending.size() == MAX_PENDING) {
        pending.removeFirst();
        dropped.increment();
      }
      pending.addLast(event);
    }
    retry();
  }

  /** Offers the pending events again, if any. */
  void retry() {
    if (pending.isEmpty()) {
      return;
    }
    try {
      next.consume(new EventBatch(Resource.empty(), List.copyOf(pending)));
      pending.clear();
    } catch (RefusedException e) {
      log.debug("pipeline refused {} NVML event(s), offering them again: {}", pending.size(), e.getMessage());
    } catch (RuntimeException e) {
      // Not a refusal: offering the same batch again would fail the same way.
      log.error("pipeline failed on {} NVML event(s); dropped", pending.size(), e);
      dropped.add(pending.size());
      pending.clear();
    }
  }

  int pending() {
    return pending.size();
  }
}
