package dev.gputel.runtime.telemetry;

import java.util.List;
import java.util.Map;

/**
 * One self-telemetry metric and its current samples, as read at a scrape.
 *
 * @param name the full name, with {@code _total} for counters
 */
public record MetricFamily(String name, String help, Type type, List<Sample> samples) {

  /** The exposition type. */
  public enum Type {
    COUNTER,
    GAUGE
  }

  /** One labelled value. */
  public record Sample(Map<String, String> labels, double value) {}
}
