package dev.gputel.exporter.cloudwatchlogs;

import java.time.Duration;

/** The limits of one PutLogEvents call, from the CloudWatch Logs API reference. */
public final class PutLogEventsLimits {
  private PutLogEventsLimits() {}

  /** Most events in one call. */
  public static final int MAX_EVENTS = 10_000;
  /** Most bytes in one call: the sum of UTF-8 message bytes plus 26 per event. */
  public static final int MAX_BATCH_BYTES = 1_048_576;
  /** What the service adds to each event's size. */
  public static final int EVENT_OVERHEAD_BYTES = 26;
  /** Largest message: 1 MB since April 2025, and it must still fit one batch with its 26 bytes. */
  public static final int MAX_MESSAGE_BYTES = MAX_BATCH_BYTES - EVENT_OVERHEAD_BYTES;
  /** The accepted events of one call may span at most this long. */
  public static final Duration MAX_SPAN = Duration.ofHours(24);
  /** Events older than this are rejected (expired or too old). */
  public static final Duration MAX_AGE = Duration.ofDays(14);
  /** Events more than this ahead of the service's clock are rejected as too new. */
  public static final Duration MAX_AHEAD = Duration.ofHours(2);
}
