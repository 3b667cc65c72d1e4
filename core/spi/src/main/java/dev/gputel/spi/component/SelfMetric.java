package dev.gputel.spi.component;

import dev.gputel.spi.data.MetricKind;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One of the agent's own {@code gputel_*} metrics as it was when read, for an exporter that
 * publishes them next to what it exports (a Prometheus endpoint, say). See {@link
 * Host#selfTelemetry()}.
 *
 * @param name the full name, such as {@code gputel_exporter_sent_items_total}; counters end in
 *     {@code _total}
 * @param help what the metric means, one line
 * @param samples one value per label set
 */
public record SelfMetric(String name, String help, MetricKind kind, List<Sample> samples) {

  public SelfMetric {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(help, "help");
    Objects.requireNonNull(kind, "kind");
    samples = List.copyOf(samples);
  }

  /** One labelled value; label names are snake_case. */
  public record Sample(Map<String, String> labels, double value) {
    public Sample {
      labels = Map.copyOf(labels);
    }
  }
}
