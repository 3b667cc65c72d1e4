package dev.gputel.receiver.nvml;

import static java.util.concurrent.TimeUnit.NANOSECONDS;

import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.Host;
import dev.gputel.spi.consumer.Consumers;
import dev.gputel.spi.consumer.RefusedException;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.receiver.Receiver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import org.slf4j.Logger;

/**
 * Collects GPU metrics from NVML every interval on a thread of its own, and watches NVML's event API
 * on another, so that a slow or stuck driver call never holds up anything else. Starting never
 * touches NVML: the agent starts even without a driver, and the receiver reports itself down until
 * NVML can be initialised.
 */
final class NvmlReceiver implements Receiver {
  private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);

  private final NvmlConfig config;
  private final ComponentSettings settings;
  private final Consumers next;
  private final Logger log;
  private ScheduledExecutorService scheduler;
  private NvmlCollector collector;
  private ScheduledFuture<?> retry;
  private EventWatcher events;

  NvmlReceiver(NvmlConfig config, ComponentSettings settings, Consumers next) {
    this.config = config;
    this.settings = settings;
    this.next = next;
    this.log = settings.logger();
  }

  @Override
  public void start(Host host) {
    ReceiverStatus status = new ReceiverStatus(settings.telemetry());
    if (config.events() && next.events().wanted()) {
      events = new EventWatcher(config, "gputel-receiver-" + settings.id() + "-events", settings.clock(),
          settings.telemetry(), log, s -> status.report("events", s), next.events());
      events.start();
    }
    List<Wanted> wanted = NvmlCatalog.wanted(next.metrics()::wants);
    if (wanted.isEmpty()) {
      log.info("no pipeline keeps a metric NVML reads: not collecting metrics");
      return;
    }
    collector = new NvmlCollector(config, wanted, settings.clock(), settings.telemetry(),
        s -> status.report("metrics", s), log);
    scheduler = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().daemon().name("gputel-receiver-" + settings.id()).factory());
    scheduler.scheduleAtFixedRate(this::collect, 0, config.interval().toNanos(), NANOSECONDS);
  }

  private void collect() {
    try {
      collector.initialiseIfDue();
      MetricBatch batch = collector.collect();
      if (batch != null) {
        next.metrics().consume(batch);
      }
    } catch (RefusedException e) {
      log.debug("pipeline refused a collection: {}", e.getMessage());
    } catch (RuntimeException e) {
      log.error("NVML collection failed", e);
    }
    scheduleRetry();
  }

  private void retry() {
    retry = null;
    try {
      collector.initialiseIfDue();
    } catch (RuntimeException e) {
      log.error("NVML initialisation failed", e);
    }
    scheduleRetry();
  }

  /** A backoff shorter than the interval gets a wake-up of its own rather than waiting for the next collection. */
  private void scheduleRetry() {
    Duration wait = collector.untilInitialisation();
    if (wait != null && wait.compareTo(config.interval()) < 0 && retry == null && !scheduler.isShutdown()) {
      retry = scheduler.schedule(this::retry, wait.toNanos(), NANOSECONDS);
    }
  }

  @Override
  public void shutdown() {
    try {
      if (events != null && !events.stop(STOP_TIMEOUT)) {
        // The thread closes its own NVML session once the driver call returns.
        log.warn("NVML event thread still in a driver call after 5 s; it shuts NVML down when the call returns");
      }
      if (scheduler == null) {
        return;
      }
      scheduler.shutdownNow();
      if (scheduler.awaitTermination(STOP_TIMEOUT.toNanos(), NANOSECONDS)) {
        collector.close();
      } else {
        // A driver call cannot be interrupted; shutting NVML down under it would be worse.
        log.warn("NVML thread still in a driver call after 5 s; leaving NVML initialised");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
