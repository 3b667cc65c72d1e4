package dev.gputel.exporter.otlp;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.DoublePointData;
import io.opentelemetry.sdk.metrics.data.GaugeData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.metrics.data.SumData;
import io.opentelemetry.sdk.resources.Resource;
import java.util.ArrayList;
import java.util.List;

/** The points of one wire metric in one batch, collected until the batch is mapped. */
final class PointGroup {
  private final WireMetric metric;
  private final List<DoublePointData> doubles = new ArrayList<>();
  private final List<LongPointData> longs = new ArrayList<>();

  PointGroup(WireMetric metric) {
    this.metric = metric;
  }

  /**
   * Adds a point. Cumulative sums start at {@code startNanos} (when the exporter started, as an
   * SDK's asynchronous counter would), or at the point itself if it is older (a spooled batch).
   */
  void add(long startNanos, long epochNanos, Attributes attributes, double value) {
    long start = metric.shape() == Shape.GAUGE ? 0 : Math.min(startNanos, epochNanos);
    if (metric.integer()) {
      longs.add(LongPointData.create(start, epochNanos, attributes, Math.round(value)));
    } else {
      doubles.add(DoublePointData.create(start, epochNanos, attributes, value, List.of()));
    }
  }

  MetricData toMetricData(Resource resource, InstrumentationScopeInfo scope) {
    boolean monotonic = metric.shape() == Shape.COUNTER;
    AggregationTemporality cumulative = AggregationTemporality.CUMULATIVE;
    if (metric.integer()) {
      return metric.shape() == Shape.GAUGE
          ? new WireMetricData(resource, scope, metric, MetricDataType.LONG_GAUGE, GaugeData.createLongGaugeData(longs))
          : new WireMetricData(resource, scope, metric, MetricDataType.LONG_SUM,
              SumData.createLongSumData(monotonic, cumulative, longs));
    }
    return metric.shape() == Shape.GAUGE
        ? new WireMetricData(resource, scope, metric, MetricDataType.DOUBLE_GAUGE, GaugeData.createDoubleGaugeData(doubles))
        : new WireMetricData(resource, scope, metric, MetricDataType.DOUBLE_SUM,
            SumData.createDoubleSumData(monotonic, cumulative, doubles));
  }
}
