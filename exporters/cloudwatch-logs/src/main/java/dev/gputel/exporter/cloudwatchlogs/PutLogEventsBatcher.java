package dev.gputel.exporter.cloudwatchlogs;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * Splits log events into PutLogEvents calls that the service accepts whole: chronological order, at
 * most 10,000 events and 1,048,576 bytes (26 per event added) per call, and a span of at most 24
 * hours. Events the service would reject for their time (older than 14 days or than the group's
 * retention, or more than 2 hours ahead) are set aside, as the service would drop them anyway and a
 * batch of only such events would be wasted. A message too large for one event is cut to fit.
 *
 * <p>Free of the AWS SDK and of any exporter state, so another exporter (EMF documents sent with
 * PutLogEvents) can reuse it. Not thread-safe only in the sense that it holds nothing: share freely.
 */
public final class PutLogEventsBatcher {
  /** Appended to a message cut to fit, as the OpenTelemetry collector's CloudWatch Logs pusher does. */
  public static final String TRUNCATED_SUFFIX = "[Truncated...]";

  private static final Comparator<LogEvent> BY_TIME = Comparator.comparingLong(LogEvent::timestampMillis);

  private final Duration maxAge;
  private final int maxBatchBytes;
  private final int maxEvents;

  /** A batcher for the service's limits and a group whose retention is at least 14 days. */
  public PutLogEventsBatcher() {
    this(PutLogEventsLimits.MAX_AGE);
  }

  /**
   * @param maxAge how old an event may be: 14 days, or less when the group's retention is shorter
   *     (the service rejects events older than the retention as expired)
   */
  public PutLogEventsBatcher(Duration maxAge) {
    this(maxAge, PutLogEventsLimits.MAX_BATCH_BYTES, PutLogEventsLimits.MAX_EVENTS);
  }

  PutLogEventsBatcher(Duration maxAge, int maxBatchBytes, int maxEvents) {
    this.maxAge = maxAge.compareTo(PutLogEventsLimits.MAX_AGE) < 0 ? maxAge : PutLogEventsLimits.MAX_AGE;
    this.maxBatchBytes = maxBatchBytes;
    this.maxEvents = maxEvents;
  }

  /** One PutLogEvents call's events, in chronological order. */
  public record Batch(List<LogEvent> events, int bytes) {
    public long firstTimestamp() {
      return events.getFirst().timestampMillis();
    }

    public long lastTimestamp() {
      return events.getLast().timestampMillis();
    }
  }

  /** How a set of events is sent: the batches, and what was set aside or cut. */
  public record Plan(List<Batch> batches, List<LogEvent> tooOld, List<LogEvent> tooNew, List<LogEvent> empty,
      int truncated) {
    public int eventCount() {
      int n = 0;
      for (Batch batch : batches) {
        n += batch.events().size();
      }
      return n;
    }
  }

  /** Plans the calls for {@code events} (any order) as the service's clock reads {@code now}. */
  public Plan plan(Collection<LogEvent> events, Instant now) {
    long oldest = now.minus(maxAge).toEpochMilli();
    long newest = now.plus(PutLogEventsLimits.MAX_AHEAD).toEpochMilli();
    List<LogEvent> valid = new ArrayList<>(events.size());
    List<LogEvent> tooOld = new ArrayList<>();
    List<LogEvent> tooNew = new ArrayList<>();
    List<LogEvent> empty = new ArrayList<>();
    int truncated = 0;
    for (LogEvent event : events) {
      if (event.message().isEmpty()) {
        empty.add(event); // The service rejects the whole call for one empty message.
      } else if (event.timestampMillis() < oldest) {
        tooOld.add(event);
      } else if (event.timestampMillis() > newest) {
        tooNew.add(event);
      } else {
        LogEvent fitted = fit(event);
        if (fitted != event) {
          truncated++;
        }
        valid.add(fitted);
      }
    }
    valid.sort(BY_TIME); // Stable: events of one millisecond keep their order.
    return new Plan(split(valid), tooOld, tooNew, empty, truncated);
  }

  private List<Batch> split(List<LogEvent> sorted) {
    long maxSpan = PutLogEventsLimits.MAX_SPAN.toMillis();
    List<Batch> batches = new ArrayList<>();
    List<LogEvent> current = new ArrayList<>();
    int bytes = 0;
    long first = 0;
    for (LogEvent event : sorted) {
      int size = event.billedBytes();
      boolean full = current.size() == maxEvents
          || bytes + size > maxBatchBytes
          || (!current.isEmpty() && event.timestampMillis() - first > maxSpan);
      if (full && !current.isEmpty()) {
        batches.add(new Batch(List.copyOf(current), bytes));
        current.clear();
        bytes = 0;
      }
      if (current.isEmpty()) {
        first = event.timestampMillis();
      }
      current.add(event);
      bytes += size;
    }
    if (!current.isEmpty()) {
      batches.add(new Batch(List.copyOf(current), bytes));
    }
    return batches;
  }

  /** Returns the event, or a copy whose message is cut (at a character boundary) to fit one batch. */
  private LogEvent fit(LogEvent event) {
    int limit = maxBatchBytes - PutLogEventsLimits.EVENT_OVERHEAD_BYTES;
    String message = event.message();
    if (message.length() <= limit / 4 || LogEvent.utf8Length(message) <= limit) {
      return event;
    }
    int budget = limit - TRUNCATED_SUFFIX.length();
    StringBuilder cut = new StringBuilder(Math.min(message.length(), budget));
    int used = 0;
    for (int i = 0; i < message.length(); ) {
      int cp = message.codePointAt(i);
      int width = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
      if (used + width > budget) {
        break;
      }
      cut.appendCodePoint(cp);
      used += width;
      i += Character.charCount(cp);
    }
    return new LogEvent(event.timestampMillis(), cut.append(TRUNCATED_SUFFIX).toString(), event.id());
  }
}
