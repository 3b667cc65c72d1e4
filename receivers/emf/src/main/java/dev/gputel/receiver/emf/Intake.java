package dev.gputel.receiver.emf;

import dev.gputel.spi.component.Counter;
import dev.gputel.spi.consumer.EventsConsumer;
import dev.gputel.spi.consumer.RefusedException;
import dev.gputel.spi.data.EventBatch;
import java.util.Map;
import org.slf4j.Logger;

/** What both listeners share: where documents go, how they become events, and the counts. */
final class Intake {
  private final EventsConsumer next;
  private final EmfEvents events;
  private final Drops drops;
  private final Map<Transport, Counter> received;
  private final Counter backpressure;
  private final Logger log;
  private final int maxDocumentSize;

  Intake(EventsConsumer next, EmfEvents events, Drops drops, Map<Transport, Counter> received,
      Counter backpressure, Logger log, int maxDocumentSize) {
    this.next = next;
    this.events = events;
    this.drops = drops;
    this.received = Map.copyOf(received);
    this.backpressure = backpressure;
    this.log = log;
    this.maxDocumentSize = maxDocumentSize;
  }

  PendingDocuments pending(Transport transport) {
    return new PendingDocuments(events, drops, transport);
  }

  int maxDocumentSize() {
    return maxDocumentSize;
  }

  Logger log() {
    return log;
  }

  /**
   * Hands the pending documents on once; a refusal (the exporters' spools are full, the agent is
   * stopping) or a failing processor drops them, counted. UDP has no way to slow its senders down.
   */
  void handOnOrDrop(PendingDocuments pending) {
    EventBatch batch = pending.take();
    if (batch == null) {
      return;
    }
    try {
      next.consume(batch);
      received.get(pending.transport()).add(batch.size());
    } catch (RefusedException e) {
      pending.refused(batch, "the pipeline refused them: " + e.getMessage());
    } catch (RuntimeException e) {
      log.error("the pipeline failed on {} EMF document(s); dropped", batch.size(), e);
      pending.refused(batch, "the pipeline failed: " + e);
    }
  }

  /**
   * Hands the pending documents on, waiting while the pipeline refuses them: the connection reads
   * nothing meanwhile, so TCP's flow control slows the sender down instead of documents being lost.
   * Gives up (counted) when {@code stillRunning} turns false or the thread is interrupted.
   */
  void handOnOrWait(PendingDocuments pending, java.util.function.BooleanSupplier stillRunning) {
    EventBatch batch = pending.take();
    if (batch == null) {
      return;
    }
    long waitMillis = 50;
    boolean counted = false;
    while (true) {
      try {
        next.consume(batch);
        received.get(pending.transport()).add(batch.size());
        return;
      } catch (RefusedException e) {
        if (!stillRunning.getAsBoolean()) {
          pending.refused(batch, "the agent is stopping: " + e.getMessage());
          return;
        }
        if (!counted) {
          backpressure.increment();
          counted = true;
          log.debug("pipeline refused {} EMF document(s), not reading until it takes them: {}",
              batch.size(), e.getMessage());
        }
      } catch (RuntimeException e) {
        log.error("the pipeline failed on {} EMF document(s); dropped", batch.size(), e);
        pending.refused(batch, "the pipeline failed: " + e);
        return;
      }
      try {
        Thread.sleep(waitMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        pending.refused(batch, "the agent is stopping");
        return;
      }
      waitMillis = Math.min(waitMillis * 2, 1_000);
    }
  }
}
