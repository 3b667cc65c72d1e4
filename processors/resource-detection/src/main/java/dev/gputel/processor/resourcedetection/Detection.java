package dev.gputel.processor.resourcedetection;

import dev.gputel.spi.data.Attributes;
import java.util.List;
import java.util.Map;

/**
 * One run of the detectors: the resource attributes found, the task attributes for each GPU (by
 * UUID) a task owns, each failing detector's reason, and notes worth a warning.
 */
record Detection(Attributes attributes, Map<String, Attributes> byGpu, Map<DetectorType, String> problems,
    List<String> notes) {

  Detection {
    byGpu = Map.copyOf(byGpu);
    problems = Map.copyOf(problems);
    notes = List.copyOf(notes);
  }

  static Detection none() {
    return new Detection(Attributes.empty(), Map.of(), Map.of(), List.of());
  }

  boolean ok() {
    return problems.isEmpty();
  }
}
