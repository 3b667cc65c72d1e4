package dev.gputel.exporter.cloudwatchemf;

import dev.gputel.spi.component.Counter;
import dev.gputel.spi.component.Telemetry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** Counts points the exporter cannot publish, by reason, in {@code gputel_exporter_emf_points_dropped_total}. */
final class Drops {
  enum Reason {
    /** NaN or an infinity: CloudWatch rejects them. */
    NOT_FINITE,
    /** Beyond +/-2^360, what PutMetricData accepts. */
    OUT_OF_RANGE,
    /** A dimension value over 1024 characters. */
    DIMENSION_VALUE_TOO_LONG,
    /** A metric name that is also a dimension name: both would be the same root member. */
    NAME_CONFLICT,
    /** More than 100 values of one metric with the same dimensions and timestamp. */
    TOO_MANY_VALUES,
    /** A single metric whose document is still over max-document-size. */
    DOCUMENT_TOO_LARGE
  }

  private final Map<Reason, Counter> counters = new EnumMap<>(Reason.class);

  Drops(Telemetry telemetry) {
    for (Reason reason : Reason.values()) {
      counters.put(reason, telemetry.counter("emf_points_dropped",
          "Metric points the cloudwatch-emf exporter could not publish, by reason",
          Map.of("reason", reason.name().toLowerCase(Locale.ROOT))));
    }
  }

  void add(Reason reason, long points) {
    counters.get(reason).add(points);
  }
}
