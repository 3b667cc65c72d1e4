package dev.gputel.runtime.exporter;

import java.util.Locale;

/** Why an exporter dropped items; the {@code reason} label of {@code gputel_exporter_dropped_items_total}. */
public enum DropReason {
  QUEUE_FULL,
  PERMANENT_ERROR,
  RETRIES_EXHAUSTED,
  SHUTDOWN;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
