package dev.gputel.exporter.cloudwatchlogs;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ids of the most recent events delivered (or written): when the runtime retries a batch that
 * failed half way through its PutLogEvents calls, the calls that succeeded are not sent again.
 * Bounded, oldest forgotten first; a restart forgets all (the spool then resends at least once).
 */
final class RecentIds {
  private final Map<String, Boolean> ids;

  RecentIds(int capacity) {
    this.ids = new LinkedHashMap<>(1024, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
        return size() > capacity;
      }
    };
  }

  synchronized boolean contains(String id) {
    return ids.containsKey(id);
  }

  synchronized void add(String id) {
    ids.put(id, Boolean.TRUE);
  }
}
