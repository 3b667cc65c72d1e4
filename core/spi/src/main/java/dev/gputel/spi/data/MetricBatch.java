package dev.gputel.spi.data;

import java.util.List;
import java.util.Objects;

/** Metric points from one resource, usually one collection of every GPU on a host. */
public record MetricBatch(Resource resource, List<MetricPoint> points) implements TelemetryBatch {

  public MetricBatch {
    Objects.requireNonNull(resource, "resource");
    points = List.copyOf(points);
  }

  @Override
  public Signal signal() {
    return Signal.METRICS;
  }

  @Override
  public int size() {
    return points.size();
  }

  /** Returns a batch with the same resource and other points. */
  public MetricBatch withPoints(List<MetricPoint> newPoints) {
    return new MetricBatch(resource, newPoints);
  }

  /** Returns a batch with the same points and another resource. */
  public MetricBatch withResource(Resource newResource) {
    return new MetricBatch(newResource, points);
  }
}
