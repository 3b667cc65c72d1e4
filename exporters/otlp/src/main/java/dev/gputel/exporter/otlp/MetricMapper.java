package dev.gputel.exporter.otlp;

import dev.gputel.gpu.GpuMetric;
import dev.gputel.spi.component.Counter;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricKind;
import dev.gputel.spi.data.MetricPoint;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.resources.Resource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.Logger;

/**
 * Turns a metric batch into OTLP metrics: catalog points renamed and scaled by the naming, others
 * (plugins' own metrics) under their own name and unit, timestamps and attributes kept exactly.
 */
final class MetricMapper {
  private final MetricNaming naming;
  private final InstrumentationScopeInfo scope;
  private final LongSupplier startNanos;
  private final Counter unitMismatches;
  private final Logger log;
  private final Set<String> reportedMismatches = ConcurrentHashMap.newKeySet();

  MetricMapper(MetricNaming naming, InstrumentationScopeInfo scope, LongSupplier startNanos,
      Counter unitMismatches, Logger log) {
    this.naming = naming;
    this.scope = scope;
    this.startNanos = startNanos;
    this.unitMismatches = unitMismatches;
    this.log = log;
  }

  List<MetricData> map(MetricBatch batch, Resource resource) {
    Map<WireMetric, PointGroup> groups = new LinkedHashMap<>();
    // Points of one GPU share one attributes instance: convert each once per batch.
    Map<dev.gputel.spi.data.Attributes, Attributes> converted = new IdentityHashMap<>();
    DerivedMetrics derived = naming.derives() ? new DerivedMetrics() : null;
    long start = startNanos.getAsLong();
    for (MetricPoint point : batch.points()) {
      Optional<GpuMetric> metric = catalogMetric(point);
      Target target = metric.map(naming::target).orElseGet(() -> passThrough(point));
      Attributes base = converted.computeIfAbsent(point.attributes(), a -> naming.attributes(a, batch.resource()));
      Attributes attributes = target.extra().isEmpty() ? base : base.toBuilder().putAll(target.extra()).build();
      long time = nanos(point.timestamp());
      groups.computeIfAbsent(target.metric(), PointGroup::new).add(start, time, attributes, point.value() * target.scale());
      if (derived != null && metric.isPresent()) {
        derived.see(metric.get(), point, base, time, start, groups);
      }
    }
    if (derived != null) {
      derived.finish(groups, MetricMapper::nanos);
    }
    List<MetricData> out = new ArrayList<>(groups.size());
    for (PointGroup group : groups.values()) {
      out.add(group.toMetricData(resource, scope));
    }
    return out;
  }

  /** The catalog metric of a point, if its unit is the catalog's: a point in another unit is not scaled blindly. */
  private Optional<GpuMetric> catalogMetric(MetricPoint point) {
    Optional<GpuMetric> metric = GpuMetric.byId(point.name());
    if (metric.isPresent() && !metric.get().unit().ucum().equals(point.unit())) {
      unitMismatches.increment();
      if (reportedMismatches.add(point.name() + " " + point.unit())) {
        log.warn("point {} is in '{}', not the catalog's '{}': sent under its own name and unit, unscaled",
            point.name(), point.unit(), metric.get().unit().ucum());
      }
      return Optional.empty();
    }
    return metric;
  }

  private static Target passThrough(MetricPoint point) {
    Shape shape = point.kind() == MetricKind.COUNTER ? Shape.COUNTER : Shape.GAUGE;
    return new Target(WireMetric.doubles(point.name(), "", point.unit(), shape), 1, Attributes.empty());
  }

  static long nanos(Instant time) {
    return time.getEpochSecond() * 1_000_000_000L + time.getNano();
  }
}
