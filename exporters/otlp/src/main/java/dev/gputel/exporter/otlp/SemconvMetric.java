package dev.gputel.exporter.otlp;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The hardware semantic-convention metrics gputel sends, with the unit, instrument and brief of
 * the convention (semantic-conventions model/hardware, status Development).
 */
enum SemconvMetric {
  GPU_UTILIZATION("hw.gpu.utilization", "1", Shape.GAUGE, "Fraction of time spent in a specific task", false),
  GPU_MEMORY_USAGE("hw.gpu.memory.usage", "By", Shape.UP_DOWN_COUNTER, "GPU memory used", false),
  GPU_MEMORY_LIMIT("hw.gpu.memory.limit", "By", Shape.UP_DOWN_COUNTER, "Size of the GPU memory", false),
  GPU_MEMORY_UTILIZATION("hw.gpu.memory.utilization", "1", Shape.GAUGE, "Fraction of GPU memory used", false),
  POWER("hw.power", "W", Shape.GAUGE, "Instantaneous power consumed by the component", true),
  ENERGY("hw.energy", "J", Shape.COUNTER, "Energy consumed by the component", true),
  TEMPERATURE("hw.temperature", "Cel", Shape.GAUGE, "Temperature in degrees Celsius", false),
  ERRORS("hw.errors", "{error}", Shape.COUNTER, "Number of errors encountered by the component", true),
  STATUS("hw.status", "1", Shape.UP_DOWN_COUNTER,
      "Operational status: 1 (true) or 0 (false) for each of the possible states", true);

  private static final Map<String, SemconvMetric> BY_NAME = Arrays.stream(values())
      .collect(Collectors.toUnmodifiableMap(SemconvMetric::metricName, Function.identity()));

  private final String metricName;
  private final String unit;
  private final Shape shape;
  private final String brief;
  private final boolean requiresHwType;

  SemconvMetric(String metricName, String unit, Shape shape, String brief, boolean requiresHwType) {
    this.metricName = metricName;
    this.unit = unit;
    this.shape = shape;
    this.brief = brief;
    this.requiresHwType = requiresHwType;
  }

  String metricName() {
    return metricName;
  }

  String unit() {
    return unit;
  }

  /** Whether the convention requires {@code hw.type} (the generic hw.* metrics; hw.gpu.* imply it). */
  boolean requiresHwType() {
    return requiresHwType;
  }

  WireMetric wire() {
    return new WireMetric(metricName, brief, unit, shape, this == STATUS);
  }

  static Optional<SemconvMetric> byName(String name) {
    return Optional.ofNullable(BY_NAME.get(name));
  }
}
