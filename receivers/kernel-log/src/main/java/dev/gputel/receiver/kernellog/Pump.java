package dev.gputel.receiver.kernellog;

import dev.gputel.spi.component.RestartBackoff;
import dev.gputel.spi.consumer.EventsConsumer;
import dev.gputel.spi.consumer.RefusedException;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.Resource;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/**
 * Moves lines from a source to the pipelines, at least once: kept lines are batched until the
 * source has nothing more to read at once (or the batch is full), the batch is offered until the
 * pipelines accept it, and only then is the source's position committed. A crash anywhere in
 * between means the lines are read, and offered, again; their event ids do not change.
 */
final class Pump {
  /** Progress over dropped lines only is saved this rarely: losing it costs a cheap re-read. */
  static final Duration NOISE_COMMIT_INTERVAL = Duration.ofSeconds(5);
  private static final Duration REFUSAL_LOG_INTERVAL = Duration.ofMinutes(1);

  private final Prefilter prefilter;
  private final KernelEvents events;
  private final EventsConsumer next;
  private final ReceiverMetrics metrics;
  private final int maxBatch;
  private final RestartBackoff retry;
  private final Clock clock;
  private final Logger log;
  private long lastRefusalLog = Long.MIN_VALUE;
  private long linesRead;

  Pump(Prefilter prefilter, KernelEvents events, EventsConsumer next, ReceiverMetrics metrics, int maxBatch,
      RestartBackoff retry, Clock clock, Logger log) {
    this.prefilter = prefilter;
    this.events = events;
    this.next = next;
    this.metrics = metrics;
    this.maxBatch = maxBatch;
    this.retry = retry;
    this.clock = clock;
    this.log = log;
  }

  /**
   * Reads until the source ends, delivering and committing as it goes. An interrupt (the receiver
   * stopping) ends it with {@link InterruptedException}, leaving an undelivered batch uncommitted.
   */
  void run(LineSource source) throws IOException, InterruptedException {
    List<Event> batch = new ArrayList<>();
    boolean uncommitted = false;
    long lastCommit = clock.millis();
    while (true) {
      KernelLine line = source.next();
      if (line == null) {
        if (!batch.isEmpty()) {
          deliver(batch);
          source.commit();
        }
        return;
      }
      metrics.linesRead.increment();
      linesRead++;
      uncommitted = true;
      if (prefilter.keeps(line.message())) {
        metrics.linesKept.increment();
        batch.add(events.toEvent(line));
      }
      if (batch.size() >= maxBatch || !source.ready()) {
        long now = clock.millis();
        if (!batch.isEmpty()) {
          deliver(batch);
          batch = new ArrayList<>();
          source.commit();
          uncommitted = false;
          lastCommit = now;
        } else if (uncommitted && now - lastCommit >= NOISE_COMMIT_INTERVAL.toMillis()) {
          source.commit();
          uncommitted = false;
          lastCommit = now;
        }
      }
    }
  }

  /** Lines read from every source this pump ran, to tell a source that worked from one that did not. */
  long linesRead() {
    return linesRead;
  }

  /** Offers the batch until the pipelines accept it; never gives up, never skips. */
  private void deliver(List<Event> kept) throws InterruptedException {
    EventBatch batch = new EventBatch(Resource.empty(), kept);
    while (true) {
      try {
        next.consume(batch);
        metrics.eventsEmitted.add(batch.size());
        retry.reset();
        return;
      } catch (RefusedException e) {
        metrics.eventsRefused.add(batch.size());
        logRefusal("refused: " + e.getMessage());
      } catch (RuntimeException e) {
        // A processor failing is not a reason to lose the events: keep them and try again.
        metrics.eventsRefused.add(batch.size());
        log.warn("a pipeline failed on {} kernel event(s); offering them again", batch.size(), e);
      }
      Thread.sleep(retry.next()); // An interrupt (the receiver stopping) ends the wait.
    }
  }

  private void logRefusal(String why) {
    long now = clock.millis();
    if (lastRefusalLog == Long.MIN_VALUE || now - lastRefusalLog >= REFUSAL_LOG_INTERVAL.toMillis()) {
      lastRefusalLog = now;
      log.warn("pipelines {}; keeping the read position and offering the events again", why);
    }
  }
}
