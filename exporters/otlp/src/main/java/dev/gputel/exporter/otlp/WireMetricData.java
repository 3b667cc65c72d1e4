package dev.gputel.exporter.otlp;

import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.metrics.data.Data;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.data.MetricDataType;
import io.opentelemetry.sdk.resources.Resource;

/**
 * A finished metric for the OTLP exporter. The SDK has public factories for points and data but not
 * for {@link MetricData} itself (its implementation is in an internal package), so this is ours.
 */
record WireMetricData(Resource resource, InstrumentationScopeInfo scope, WireMetric metric,
    MetricDataType type, Data<?> data) implements MetricData {

  @Override
  public Resource getResource() {
    return resource;
  }

  @Override
  public InstrumentationScopeInfo getInstrumentationScopeInfo() {
    return scope;
  }

  @Override
  public String getName() {
    return metric.name();
  }

  @Override
  public String getDescription() {
    return metric.description();
  }

  @Override
  public String getUnit() {
    return metric.unit();
  }

  @Override
  public MetricDataType getType() {
    return type;
  }

  @Override
  public Data<?> getData() {
    return data;
  }
}
