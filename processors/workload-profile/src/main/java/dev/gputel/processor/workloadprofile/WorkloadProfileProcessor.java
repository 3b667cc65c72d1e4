package dev.gputel.processor.workloadprofile;

import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.Counter;
import dev.gputel.spi.component.Host;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.spi.processor.Processor;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Drops GPU catalog metrics outside the configured profile. Metrics that are not in the catalog
 * (from other receivers) pass unchanged: a workload profile is about GPU metrics only, and
 * dropping what it does not know would silently lose a plugin's data.
 */
final class WorkloadProfileProcessor implements Processor {
  private final WorkloadProfileConfig config;
  private final ComponentSettings settings;
  // The complement of what is kept, within the catalog: one lookup per point decides.
  private final Set<String> dropped;
  private final Counter filtered;

  WorkloadProfileProcessor(WorkloadProfileConfig config, ComponentSettings settings) {
    this.config = config;
    this.settings = settings;
    Set<String> dropped = new TreeSet<>(GpuCatalog.ids());
    dropped.removeAll(config.kept());
    this.dropped = Set.copyOf(dropped);
    this.filtered = settings.telemetry().counter("filtered_points",
        "GPU metric points dropped because the workload profile does not keep them");
  }

  @Override
  public void start(Host host) {
    settings.logger().info("profile {}: keeps {} of {} GPU catalog metrics {}; other metrics pass unchanged",
        config.profile().id(), config.kept().size(), GpuCatalog.ids().size(), new TreeSet<>(config.kept()));
  }

  @Override
  public boolean keepsMetric(String metricName) {
    return !dropped.contains(metricName);
  }

  @Override
  public MetricBatch processMetrics(MetricBatch batch) {
    List<MetricPoint> kept = batch.points().stream().filter(point -> keepsMetric(point.name())).toList();
    int removed = batch.size() - kept.size();
    if (removed == 0) {
      return batch;
    }
    filtered.add(removed);
    return batch.withPoints(kept);
  }

  @Override
  public void shutdown() {
    // Holds nothing: no thread, no buffer.
  }
}
