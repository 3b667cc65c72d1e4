package dev.gputel.receiver.nvml;

import dev.gputel.spi.component.ComponentStatus;
import dev.gputel.spi.component.Telemetry;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The receiver's one status from its two parts, metrics collection and event watching, which run
 * on threads of their own: up when every part that reported is up, else down with the reasons of
 * the parts that are down. A part that never reported counts as up. Thread-safe.
 */
final class ReceiverStatus {
  private final Telemetry telemetry;
  private final Map<String, ComponentStatus> parts = new TreeMap<>();
  private ComponentStatus reported;

  ReceiverStatus(Telemetry telemetry) {
    this.telemetry = telemetry;
  }

  /** Records a part's status and reports the receiver's when it changed. */
  synchronized void report(String part, ComponentStatus status) {
    parts.put(part, status);
    List<String> reasons = new ArrayList<>();
    parts.values().stream().filter(s -> !s.up()).forEach(s -> reasons.add(s.reason()));
    ComponentStatus combined = reasons.isEmpty() ? ComponentStatus.ok() : ComponentStatus.down(String.join("; ", reasons));
    if (!combined.equals(reported)) {
      telemetry.reportStatus(combined);
      reported = combined;
    }
  }
}
