package dev.gputel.processor.xidclassifier;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * Pairs the two reports of one Xid on one GPU: the kernel-log line and the NVML event, which reach
 * the pipeline separately and in either order. A report is a duplicate when the other source
 * reported the same code within the window and that report is not paired yet; each report pairs at
 * most once, so a burst of N faults seen by both sources still counts N. Not thread-safe: {@link
 * FaultHistory} calls it under its lock.
 */
final class SourcePairing {
  /** Unpaired reports kept per source and code; a longer run of one source alone is no duplicate anyway. */
  private static final int MAX_UNPAIRED = 64;

  private final Duration window;
  private final Map<Integer, Deque<Instant>> kernel = new HashMap<>();
  private final Map<Integer, Deque<Instant>> nvml = new HashMap<>();

  SourcePairing(Duration window) {
    this.window = window;
  }

  /** Records a report of {@code code} at {@code time}; returns true when it repeats the other source's. */
  boolean duplicate(int code, Instant time, boolean fromNvml) {
    Deque<Instant> other = (fromNvml ? kernel : nvml).get(code);
    if (other != null) {
      forgetOutside(other, time);
      Instant paired = other.pollFirst();
      if (paired != null) {
        return true;
      }
    }
    Deque<Instant> own = (fromNvml ? nvml : kernel).computeIfAbsent(code, c -> new ArrayDeque<>());
    forgetOutside(own, time);
    if (own.size() == MAX_UNPAIRED) {
      own.pollFirst();
    }
    own.addLast(time);
    return false;
  }

  private void forgetOutside(Deque<Instant> reports, Instant time) {
    for (Iterator<Instant> it = reports.iterator(); it.hasNext(); ) {
      if (Duration.between(it.next(), time).abs().compareTo(window) > 0) {
        it.remove();
      }
    }
  }
}
