package dev.gputel.processor.resourcedetection;

import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.ComponentStatus;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;

/**
 * Tells about detection without flooding the log: each distinct failure or note is a warning once;
 * every failed run of a detector is counted in {@code detection_failures{detector}}; a recovery is
 * logged; the status carries the current reasons. Called from the refresh thread only.
 */
final class ProblemLog {
  private final Logger log;
  private final ComponentSettings settings;
  private final Map<DetectorType, String> current = new EnumMap<>(DetectorType.class);
  private final Set<String> notesSeen = new HashSet<>();

  ProblemLog(ComponentSettings settings) {
    this.settings = settings;
    this.log = settings.logger();
  }

  void report(Detection detection) {
    for (DetectorType type : DetectorType.values()) {
      String problem = detection.problems().get(type);
      String before = current.get(type);
      if (problem != null) {
        settings.telemetry().counter("detection_failures", "Detection runs in which this detector failed",
            Map.of("detector", type.id())).add(1);
        if (!problem.equals(before)) {
          log.warn("{} metadata not available, its attributes are left out and placeholders use fallbacks: {}",
              type.id(), problem);
        } else {
          log.debug("{} metadata still not available: {}", type.id(), problem);
        }
        current.put(type, problem);
      } else if (before != null) {
        log.info("{} metadata available again", type.id());
        current.remove(type);
      }
    }
    for (String note : detection.notes()) {
      if (notesSeen.add(note)) {
        log.warn(note);
      }
    }
    settings.telemetry().reportStatus(current.isEmpty() ? ComponentStatus.ok()
        : ComponentStatus.down(new TreeMap<>(current).entrySet().stream()
            .map(e -> e.getKey().id() + ": " + e.getValue()).collect(Collectors.joining("; "))));
  }
}
