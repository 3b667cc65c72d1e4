package dev.gputel.exporter.prometheus;

import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.UnknownSnapshot;
import java.util.Map;

/** Builds one client_java snapshot of a family from its labelled values. */
final class Snapshots {
  private Snapshots() {}

  static MetricSnapshot of(Family family, Map<Labels, Double> values) {
    return switch (family.type()) {
      case GAUGE -> {
        GaugeSnapshot.Builder builder = GaugeSnapshot.builder().name(family.name()).help(family.help());
        if (family.unit() != null) {
          builder.unit(family.unit());
        }
        values.forEach((labels, value) ->
            builder.dataPoint(GaugeSnapshot.GaugeDataPointSnapshot.builder().labels(labels).value(value).build()));
        yield builder.build();
      }
      case COUNTER -> {
        CounterSnapshot.Builder builder = CounterSnapshot.builder().name(family.name()).help(family.help());
        if (family.unit() != null) {
          builder.unit(family.unit());
        }
        values.forEach((labels, value) ->
            builder.dataPoint(CounterSnapshot.CounterDataPointSnapshot.builder().labels(labels).value(value).build()));
        yield builder.build();
      }
      case UNTYPED -> {
        UnknownSnapshot.Builder builder = UnknownSnapshot.builder().name(family.name()).help(family.help());
        values.forEach((labels, value) ->
            builder.dataPoint(UnknownSnapshot.UnknownDataPointSnapshot.builder().labels(labels).value(value).build()));
        yield builder.build();
      }
    };
  }
}
