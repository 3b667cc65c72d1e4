package dev.gputel.exporter.otlp;

import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.ComponentStatus;
import dev.gputel.spi.component.Host;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.exporter.ExportException;
import dev.gputel.spi.exporter.Exporter;
import dev.gputel.spi.exporter.RetryableExportException;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.InstrumentationScopeInfo;
import io.opentelemetry.sdk.logs.data.LogRecordData;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Sends each batch once over OTLP and waits for the answer; the runtime's queue and retry do the
 * rest. The OpenTelemetry exporter of a signal is built on its first batch, so an instance in a
 * metrics-only pipeline never opens a client for logs.
 */
final class OtlpExporter implements Exporter {
  private final OtlpConfig config;
  private final ComponentSettings settings;
  private final ResourceMapper resources;
  private final MetricMapper metricMapper;
  private final LogMapper logMapper;
  private volatile long startNanos;
  private MetricExporter metrics;
  private LogRecordExporter logs;
  private boolean running;
  private boolean stopped;

  OtlpExporter(OtlpConfig config, ComponentSettings settings) {
    this.config = config;
    this.settings = settings;
    this.resources = new ResourceMapper(config.resourceAttributes(), settings.agentVersion());
    InstrumentationScopeInfo scope = InstrumentationScopeInfo.builder("gputel").setVersion(settings.agentVersion()).build();
    this.metricMapper = new MetricMapper(MetricNaming.of(config.naming()), scope, () -> startNanos,
        settings.telemetry().counter("points_unit_mismatch",
            "Catalog points in another unit than the catalog's, sent under their own name, unscaled"),
        settings.logger());
    this.logMapper = new LogMapper(scope);
  }

  @Override
  public synchronized void start(Host host) {
    startNanos = MetricMapper.nanos(settings.clock().instant());
    OtelLogBridge.install();
    new SenderLoader(settings.clock()).check(config.protocol());
    running = true;
    settings.logger().info("sending {} over OTLP {} to {} and {}", config.naming().id(), config.protocol().id(),
        config.metricsEndpoint(), config.logsEndpoint());
  }

  @Override
  public void exportMetrics(MetricBatch batch) throws ExportException {
    if (batch.points().isEmpty()) {
      return;
    }
    List<MetricData> data = metricMapper.map(batch, resources.map(batch.resource()));
    send(metricExporter().export(data), "metrics");
  }

  @Override
  public void exportEvents(EventBatch batch) throws ExportException {
    if (batch.events().isEmpty()) {
      return;
    }
    List<LogRecordData> records = logMapper.map(batch, resources.map(batch.resource()));
    send(logExporter().export(records), "logs");
  }

  private void send(CompletableResultCode result, String signal) throws ExportException {
    try {
      ExportFailures.await(result, config.timeout(), signal,
          signal.equals("metrics") ? config.metricsEndpoint() : config.logsEndpoint());
      settings.telemetry().reportStatus(ComponentStatus.ok());
    } catch (ExportException e) {
      settings.telemetry().reportStatus(ComponentStatus.down(e.getMessage()));
      throw e;
    }
  }

  private synchronized MetricExporter metricExporter() throws RetryableExportException {
    checkRunning();
    if (metrics == null) {
      metrics = OtlpSenders.metrics(config, settings.clock());
    }
    return metrics;
  }

  private synchronized LogRecordExporter logExporter() throws RetryableExportException {
    checkRunning();
    if (logs == null) {
      logs = OtlpSenders.logs(config, settings.clock());
    }
    return logs;
  }

  private void checkRunning() throws RetryableExportException {
    if (!running || stopped) {
      throw new RetryableExportException("otlp exporter is not running");
    }
  }

  @Override
  public synchronized void shutdown() {
    if (stopped) {
      return;
    }
    stopped = true;
    List<CompletableResultCode> closing = new ArrayList<>();
    if (metrics != null) {
      closing.add(metrics.shutdown());
    }
    if (logs != null) {
      closing.add(logs.shutdown());
    }
    CompletableResultCode.ofAll(closing).join(config.timeout().toMillis(), TimeUnit.MILLISECONDS);
  }
}
