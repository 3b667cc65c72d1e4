package dev.gputel.exporter.prometheus;

import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.ComponentStatus;
import dev.gputel.spi.component.Counter;
import dev.gputel.spi.component.Host;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.spi.exporter.Exporter;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.net.InetAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Keeps the latest GPU metrics and the Xid counts of what it is sent, and serves them with the
 * agent's own metrics on {@code /metrics}. Exporting only updates memory, so it never fails; the
 * endpoint's server is started in {@link #start} and stopped in {@link #shutdown}.
 */
final class PrometheusExporter implements Exporter {
  private static final int MAX_NAMES_LOGGED = 100;

  private final PrometheusConfig config;
  private final ComponentSettings settings;
  private final LatestValues values;
  private final XidCounts xids;
  private final Counter pointsIgnored;
  private final Counter xidEvents;
  private final Set<String> ignoredNames = ConcurrentHashMap.newKeySet();
  private ExecutorService executor;
  private HTTPServer server;

  PrometheusExporter(PrometheusConfig config, ComponentSettings settings) {
    this.config = config;
    this.settings = settings;
    // Only dcgm's Hostname label needs the local name; looking it up can be slow, so only then.
    GpuLabeler labeler = new GpuLabeler(config.naming(), config.resourceAttributes(),
        config.naming() == Naming.DCGM ? localHostname() : "");
    this.values = new LatestValues(config.naming() == Naming.DCGM ? DcgmNames.families() : PrometheusNames.families(),
        labeler, config.expireAfter());
    this.xids = new XidCounts(config.naming(), labeler);
    this.pointsIgnored = settings.telemetry().counter("points_ignored",
        "Points not served: their name is not a GPU catalog metric, or their unit is not the catalog's");
    this.xidEvents = settings.telemetry().counter("xid_events_counted", "Xid events counted on /metrics");
  }

  @Override
  public synchronized void start(Host host) throws IOException {
    PrometheusRegistry registry = new PrometheusRegistry();
    registry.register(new GpuMetricsCollector(values, xids, host, config.selfTelemetry(), settings.clock(),
        settings.telemetry().counter("scrapes", "Scrapes of /metrics served"), settings.logger()));
    settings.telemetry().gauge("series", "GPU series the last scrape served", values::seriesCount);
    executor = Executors.newFixedThreadPool(2, Thread.ofPlatform().daemon().name("gputel-prometheus-", 0).factory());
    try {
      server = MetricsEndpoint.start(config, registry, executor);
    } catch (IOException | RuntimeException e) {
      executor.shutdownNow();
      throw e;
    }
    settings.logger().info("serving {}://{}:{}/metrics", config.tls().isPresent() ? "https" : "http",
        config.host(), server.getPort());
    settings.telemetry().reportStatus(ComponentStatus.ok());
  }

  /** Returns the port the endpoint listens on, once started (the chosen one when configured as 0). */
  synchronized int port() {
    return server.getPort();
  }

  @Override
  public void exportMetrics(MetricBatch batch) {
    values.update(batch, settings.clock().instant(), this::ignore);
  }

  @Override
  public void exportEvents(EventBatch batch) {
    xidEvents.add(xids.count(batch));
  }

  private void ignore(MetricPoint point) {
    pointsIgnored.increment();
    if (ignoredNames.size() < MAX_NAMES_LOGGED && ignoredNames.add(point.name() + " " + point.unit())) {
      settings.logger().warn("not serving metric '{}' in '{}': it is not a GPU catalog metric in the catalog's unit"
          + " (see core/gpu/README.md); counted in gputel_exporter_points_ignored_total", point.name(), point.unit());
    }
  }

  @Override
  public synchronized void shutdown() {
    if (server != null) {
      server.close();
      server = null;
    }
    if (executor != null) {
      executor.shutdownNow();
      executor = null;
    }
  }

  private static String localHostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
