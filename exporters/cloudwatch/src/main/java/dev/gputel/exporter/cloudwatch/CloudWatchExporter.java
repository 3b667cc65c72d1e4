package dev.gputel.exporter.cloudwatch;

import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.ComponentStatus;
import dev.gputel.spi.component.Counter;
import dev.gputel.spi.component.Host;
import dev.gputel.spi.component.LocalHostName;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.exporter.ExportException;
import dev.gputel.spi.exporter.Exporter;
import dev.gputel.spi.exporter.PermanentExportException;
import dev.gputel.spi.exporter.RetryableExportException;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;
import software.amazon.awssdk.services.cloudwatch.model.PutMetricDataRequest;

/**
 * Sends each metric batch to CloudWatch with PutMetricData, cut into calls within the API's limits.
 * A call that fails for a reason that may pass (throttling, 5xx, network, credentials) fails the
 * batch as retryable, and the exporter remembers which of the batch's calls went through: when the
 * runtime offers the same batch again, only the calls still due are sent. Resending the whole batch
 * would duplicate data and, under a steady rate of failures (a throttling storm), could fail some
 * call of every attempt and never finish. A call whose answer was lost (connection dropped after
 * CloudWatch took it) is sent again: delivery is at least once. A call CloudWatch refuses as
 * invalid is counted and dropped; the batch's other calls still go.
 */
final class CloudWatchExporter implements Exporter {
  private final CloudWatchConfig config;
  private final ComponentSettings settings;
  private final Function<CloudWatchConfig, CloudWatchClient> clients;
  private final Drops drops;
  private final Counter datumsSent;
  private final Counter requestsSent;
  private final Map<Failures.Kind, Counter> failedRequests = new EnumMap<>(Failures.Kind.class);
  private CloudWatchClient client;
  private DatumBuilder builder;
  private RequestBatcher batcher;
  private boolean closed;
  /** The batch whose calls were cut short by a retryable failure, and the first call still due. */
  private Pending pending;

  private record Pending(MetricBatch batch, List<List<Datum>> requests, int next) {}

  CloudWatchExporter(CloudWatchConfig config, ComponentSettings settings,
      Function<CloudWatchConfig, CloudWatchClient> clients) {
    this.config = config;
    this.settings = settings;
    this.clients = clients;
    this.drops = new Drops(settings.telemetry());
    this.datumsSent = settings.telemetry().counter("cloudwatch_datums_sent",
        "PutMetricData data points CloudWatch accepted");
    this.requestsSent = settings.telemetry().counter("cloudwatch_requests_sent",
        "PutMetricData calls CloudWatch accepted");
    for (Failures.Kind kind : Failures.Kind.values()) {
      failedRequests.put(kind, settings.telemetry().counter("cloudwatch_requests_failed",
          "PutMetricData calls that failed, by kind", Map.of("kind", kind.name().toLowerCase(Locale.ROOT))));
    }
  }

  @Override
  public synchronized void start(Host host) {
    try {
      client = clients.apply(config);
    } catch (SdkException e) {
      throw new IllegalStateException("cannot create the CloudWatch client: " + e.getMessage()
          + " (set region in the exporter's configuration, or AWS_REGION)", e);
    }
    builder = new DatumBuilder(config.identity(), config.highResolution(), LocalHostName.get(), drops,
        settings.clock());
    batcher = new RequestBatcher(config.maxDatumsPerRequest());
    settings.telemetry().reportStatus(ComponentStatus.ok());
  }

  @Override
  public void exportMetrics(MetricBatch batch) throws ExportException {
    CloudWatchClient current;
    List<List<Datum>> requests;
    int from;
    synchronized (this) {
      if (client == null || closed) {
        throw new RetryableExportException("cloudwatch exporter is not running");
      }
      current = client;
      // The same batch again (the in-memory queue hands the same object, the spool an equal one).
      if (pending != null && (pending.batch() == batch || pending.batch().equals(batch))) {
        requests = pending.requests();
        from = pending.next();
      } else {
        requests = batcher.split(builder.build(batch));
        from = 0;
      }
      pending = null;
    }
    PermanentExportException refused = null;
    for (int i = from; i < requests.size(); i++) {
      List<Datum> request = requests.get(i);
      try {
        current.putMetricData(PutMetricDataRequest.builder()
            .namespace(config.identity().namespace())
            .metricData(request.stream().map(Datum::datum).toArray(MetricDatum[]::new))
            .build());
      } catch (SdkException e) {
        Failures.Kind kind = Failures.kind(e);
        failedRequests.get(kind).add(1);
        ExportException failure = Failures.toExportException(e, kind,
            "PutMetricData of " + request.size() + " data points failed");
        if (failure instanceof PermanentExportException permanent) {
          drops.add(Drops.Reason.REJECTED, request.stream().mapToLong(Datum::values).sum());
          settings.logger().warn("{}", permanent.getMessage());
          refused = permanent;
          continue;
        }
        synchronized (this) {
          pending = new Pending(batch, requests, i);
        }
        settings.telemetry().reportStatus(ComponentStatus.down(failure.getMessage()));
        throw failure;
      }
      requestsSent.add(1);
      datumsSent.add(request.size());
    }
    settings.telemetry().reportStatus(ComponentStatus.ok());
    if (refused != null) {
      throw refused;
    }
  }

  @Override
  public synchronized void shutdown() {
    if (client == null || closed) {
      return;
    }
    closed = true;
    client.close();
  }
}
