package dev.gputel.exporter.cloudwatch;

import dev.gputel.spi.component.Counter;
import dev.gputel.spi.component.Telemetry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/** Counts points the exporter cannot publish, by reason, in {@code gputel_exporter_cloudwatch_points_dropped_total}. */
final class Drops {
  enum Reason {
    /** NaN or an infinity: PutMetricData rejects them. */
    NOT_FINITE,
    /** Beyond +/-2^360, what PutMetricData accepts. */
    OUT_OF_RANGE,
    /** A dimension value over 1024 characters or not printable ASCII. */
    BAD_DIMENSION_VALUE,
    /** Older than 14 days or more than 2 hours ahead: outside what PutMetricData accepts. */
    OUT_OF_TIME_WINDOW,
    /** In a request CloudWatch refused for good (400 InvalidParameterValue...). */
    REJECTED
  }

  private final Map<Reason, Counter> counters = new EnumMap<>(Reason.class);

  Drops(Telemetry telemetry) {
    for (Reason reason : Reason.values()) {
      counters.put(reason, telemetry.counter("cloudwatch_points_dropped",
          "Metric points the cloudwatch exporter could not publish, by reason",
          Map.of("reason", reason.name().toLowerCase(Locale.ROOT))));
    }
  }

  void add(Reason reason, long points) {
    if (points > 0) {
      counters.get(reason).add(points);
    }
  }
}
