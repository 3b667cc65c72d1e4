package dev.gputel.runtime.telemetry;

import dev.gputel.spi.component.ComponentStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** The latest status each component reported, with the moment it changed, for {@code /healthz}. */
public final class StatusBoard {
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Clock clock;

  public StatusBoard(Clock clock) {
    this.clock = clock;
  }

  /** Records a status; returns true when it differs from the previous one. */
  public boolean report(String component, ComponentStatus status) {
    Entry previous = entries.get(component);
    if (previous != null && previous.status.equals(status)) {
      return false;
    }
    entries.put(component, new Entry(status, clock.instant()));
    return true;
  }

  /** Returns the status of every component that reported one, sorted by component. */
  public Map<String, Entry> snapshot() {
    return new TreeMap<>(entries);
  }

  /** A status and when it began. */
  public record Entry(ComponentStatus status, Instant since) {}
}
