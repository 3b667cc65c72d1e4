package dev.gputel.processor.resourcedetection;

import dev.gputel.aws.PlaceholderResolver;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.ComponentStatus;
import dev.gputel.spi.component.Host;
import dev.gputel.spi.component.RestartBackoff;
import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.spi.processor.Processor;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.Supplier;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * Adds where telemetry comes from to every batch's resource, and a GPU's owning ECS task to that
 * GPU's points and events. Metadata is read on a background thread, at start and then every
 * refresh interval (sooner after a failure); the pipeline thread only reads the last answer.
 */
final class ResourceDetectionProcessor implements Processor {
  private final ResourceDetectionConfig config;
  private final ComponentSettings settings;
  private final PlaceholderResolver placeholders;
  private final Supplier<AwsCredentialsProvider> credentials;
  private final CountDownLatch firstDetection = new CountDownLatch(1);
  private volatile Enrichment enrichment;
  private volatile Detectors detectors;
  private volatile ProblemLog problems;
  private volatile RestartBackoff backoff;
  private volatile ScheduledExecutorService refresher;

  ResourceDetectionProcessor(ResourceDetectionConfig config, ComponentSettings settings,
      PlaceholderResolver placeholders, Supplier<AwsCredentialsProvider> credentials) {
    this.config = config;
    this.settings = settings;
    this.placeholders = placeholders;
    this.credentials = credentials;
    // Nothing resolved yet: placeholders may look up the host name, which create must not do.
    this.enrichment = new Enrichment(Attributes.empty(), Attributes.empty(), Map.of(), config.override());
  }

  @Override
  public synchronized void start(Host host) throws InterruptedException {
    detectors = new Detectors(config, settings.clock(), credentials);
    problems = new ProblemLog(settings);
    settings.telemetry().gauge("attributed_gpus", "GPUs whose points and events carry their ECS task",
        () -> enrichment.byGpu().size());
    enrichment = enrich(Detection.none());
    boolean placeholdersToRefresh = config.attributes().values().stream()
        .anyMatch(value -> value instanceof String text && PlaceholderResolver.hasPlaceholders(text));
    if (!detectors.any() && !placeholdersToRefresh) {
      settings.logger().info("no detector applies ({}): adding static attributes only", config.detectors());
      settings.telemetry().reportStatus(ComponentStatus.ok());
      return;
    }
    backoff = new RestartBackoff(config.retryInterval(), config.refreshInterval());
    refresher = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
        .name("gputel-resource-detection-" + settings.id()).factory());
    refresher.execute(this::refresh);
    if (!firstDetection.await(config.startupWait().toMillis(), TimeUnit.MILLISECONDS)) {
      settings.logger().info("first detection not done after {}: batches carry fallbacks until it is",
          config.startupWait());
    }
  }

  /**
   * One detection run, then the next one scheduled; never lets an exception end the thread. With
   * no detector it still runs, to resolve placeholders such as {date} again.
   */
  private void refresh() {
    if (refresher.isShutdown()) {
      return;
    }
    Duration next = config.refreshInterval();
    try {
      Detection detection = detectors.run();
      enrichment = enrich(detection);
      problems.report(detection);
      if (detection.ok()) {
        backoff.reset();
      } else {
        next = backoff.next();
      }
    } catch (RuntimeException e) {
      settings.logger().warn("resource detection failed unexpectedly; trying again", e);
      next = backoff.next();
    } finally {
      firstDetection.countDown();
    }
    try {
      refresher.schedule(this::refresh, next.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException e) {
      // Shut down while this run was under way: nothing more to schedule.
    }
  }

  /** Resolves the static attributes against what was detected: placeholders change with it. */
  private Enrichment enrich(Detection detection) {
    Attributes.Builder fixed = Attributes.builder();
    for (Map.Entry<String, Object> entry : config.attributes().entrySet()) {
      if (entry.getValue() instanceof String template) {
        placeholders.resolve(template, detection.attributes()).ifPresent(value -> fixed.put(entry.getKey(), value));
      } else {
        fixed.put(entry.getKey(), entry.getValue());
      }
    }
    return new Enrichment(detection.attributes(), fixed.build(), detection.byGpu(), config.override());
  }

  @Override
  public MetricBatch processMetrics(MetricBatch batch) {
    Enrichment now = enrichment;
    Function<Attributes, Attributes> perGpu = now.perGpu();
    List<MetricPoint> points = now.byGpu().isEmpty() ? batch.points() : batch.points().stream()
        .map(p -> new MetricPoint(p.name(), p.value(), p.unit(), p.kind(), p.timestamp(), perGpu.apply(p.attributes())))
        .toList();
    return new MetricBatch(now.apply(batch.resource()), points);
  }

  @Override
  public EventBatch processEvents(EventBatch batch) {
    Enrichment now = enrichment;
    Function<Attributes, Attributes> perGpu = now.perGpu();
    List<Event> events = now.byGpu().isEmpty() ? batch.events() : batch.events().stream()
        .map(e -> new Event(e.timestamp(), e.severity(), e.body(), perGpu.apply(e.attributes()), e.id()))
        .toList();
    return new EventBatch(now.apply(batch.resource()), events);
  }

  /** What the pipeline thread adds now; for tests. */
  Enrichment enrichment() {
    return enrichment;
  }

  @Override
  public synchronized void shutdown() {
    // Fields stay set: a run still under way may read them, and shutdown twice does no harm.
    if (refresher != null) {
      refresher.shutdownNow();
    }
    if (detectors != null) {
      detectors.close();
    }
  }
}
