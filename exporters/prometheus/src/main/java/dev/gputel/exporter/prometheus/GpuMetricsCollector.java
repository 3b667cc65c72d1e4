package dev.gputel.exporter.prometheus;

import dev.gputel.spi.component.Counter;
import dev.gputel.spi.component.Host;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;

/** What one scrape returns: the GPU series, the Xid counts and, when enabled, the agent's own metrics. */
final class GpuMetricsCollector implements MultiCollector {
  private final LatestValues values;
  private final XidCounts xids;
  private final Host host;
  private final boolean selfTelemetry;
  private final Clock clock;
  private final Counter scrapes;
  private final Logger log;

  GpuMetricsCollector(LatestValues values, XidCounts xids, Host host, boolean selfTelemetry, Clock clock,
      Counter scrapes, Logger log) {
    this.values = values;
    this.xids = xids;
    this.host = host;
    this.selfTelemetry = selfTelemetry;
    this.clock = clock;
    this.scrapes = scrapes;
    this.log = log;
  }

  @Override
  public MetricSnapshots collect() {
    scrapes.increment();
    List<MetricSnapshot> gpu = values.snapshots(clock.instant());
    List<MetricSnapshot> xid = xids.snapshots();
    List<MetricSnapshot> all = new ArrayList<>(gpu.size() + xid.size() + 64);
    all.addAll(gpu);
    all.addAll(xid);
    if (selfTelemetry) {
      all.addAll(SelfSnapshots.of(host.selfTelemetry(),
          e -> log.warn("an agent metric cannot be served: {}", e.getMessage())));
    }
    return new MetricSnapshots(all);
  }
}
