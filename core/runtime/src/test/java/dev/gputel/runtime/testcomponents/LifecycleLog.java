package dev.gputel.runtime.testcomponents;

import java.util.ArrayList;
import java.util.List;

/** The order in which test components were started and shut down. */
public final class LifecycleLog {
  private final List<String> entries = new ArrayList<>();

  public synchronized void add(String entry) {
    entries.add(entry);
  }

  public synchronized List<String> entries() {
    return List.copyOf(entries);
  }
}
