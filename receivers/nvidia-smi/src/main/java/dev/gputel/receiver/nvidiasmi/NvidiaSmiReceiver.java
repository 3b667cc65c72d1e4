package dev.gputel.receiver.nvidiasmi;

import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.Counter;
import dev.gputel.spi.component.Host;
import dev.gputel.spi.component.RestartBackoff;
import dev.gputel.spi.consumer.Consumers;
import dev.gputel.spi.consumer.RefusedException;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.receiver.Receiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * Reads GPU metrics from nvidia-smi: {@code --query-gpu} in a long-lived loop (or one run per
 * poll), and {@code --query-remapped-rows} on a slower schedule from the first sample on, asking
 * only for the metrics some pipeline keeps. The agent starts even when nvidia-smi or the driver is missing; the receiver then
 * reports itself down with the reason and keeps trying.
 */
final class NvidiaSmiReceiver implements Receiver {
  private final NvidiaSmiConfig config;
  private final ComponentSettings settings;
  private final Consumers next;
  private final Logger log;
  private final BinaryLocator locator;
  private final Counter samples;
  private final Counter refused;
  private final Counter unusable;
  private final GpuDirectory gpus = new GpuDirectory();
  /** Guards the collectors: sample threads start one, shutdown stops them all. */
  private final Object lifecycle = new Object();
  private final List<Collector> collectors = new ArrayList<>();
  private Collector remappedRows;
  private boolean stopping;
  private ScheduledExecutorService timer;
  private ScheduledExecutorService poller;

  NvidiaSmiReceiver(NvidiaSmiConfig config, ComponentSettings settings, Consumers next, BinaryLocator locator) {
    this.config = config;
    this.settings = settings;
    this.next = next;
    this.log = settings.logger();
    this.locator = locator;
    this.samples = settings.telemetry().counter("samples", "Samples sent: one batch per nvidia-smi iteration");
    this.refused = settings.telemetry().counter("batches_refused", "Batches the pipeline refused; they are dropped");
    this.unusable = settings.telemetry().counter("samples_failed", "Samples that could not be turned into metrics, dropped");
  }

  @Override
  public void start(Host host) {
    synchronized (lifecycle) {
      startCollectors();
    }
  }

  private void startCollectors() {
    timer = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().daemon().name("gputel-receiver-" + settings.id() + "-watchdog").factory());
    poller = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().daemon().name("gputel-receiver-" + settings.id() + "-poll").factory());
    QueryRunner.Tools tools = new QueryRunner.Tools(locator, timer,
        settings.telemetry().counter("lines_skipped", "nvidia-smi output lines that were not CSV rows of the query"),
        settings.telemetry().counter("fields_dropped", "Query fields dropped because nvidia-smi did not know them"),
        settings.telemetry().counter("samples_incomplete", "Samples cut short by the end of a loop run, dropped"),
        log);
    collectors.add(gpuCollector(tools));
    remappedRows = remappedRowsCollector(tools);
    for (Collector collector : collectors) {
      collector.start("gputel-receiver-" + settings.id());
    }
  }

  private Collector gpuCollector(QueryRunner.Tools tools) {
    QueryPlan plan = QueryPlan.gpuQuery(next.metrics()::wants);
    RunReporter reporter = new RunReporter(settings.telemetry(), log, "failures", "nvidia-smi --query-gpu", true);
    if (config.mode() == CollectionMode.LOOP) {
      QueryRunner runner = new QueryRunner(plan,
          (binary, fields) -> SmiCommands.loop(binary, fields, config.interval()), config.watchdogTimeout(), true, tools);
      return new LoopCollector(runner, new RestartBackoff(config.restartBackoffMin(), config.restartBackoffMax()),
          reporter, this::onGpuSample, log);
    }
    QueryRunner runner = new QueryRunner(plan, SmiCommands::oneShot, config.timeout(), false, tools);
    return new PollingCollector(runner, reporter, this::onGpuSample, poller, Duration.ZERO, config.interval(),
        Set.of(), log);
  }

  /** Returns the remapped-rows collector, or null when that query is off or no pipeline wants it. */
  private Collector remappedRowsCollector(QueryRunner.Tools tools) {
    QueryPlan plan = QueryPlan.remappedRowsQuery(next.metrics()::wants);
    if (!config.remappedRowsEnabled() || !plan.hasMetrics()) {
      return null;
    }
    QueryRunner runner = new QueryRunner(plan, SmiCommands::remappedRows, config.timeout(), false, tools);
    RunReporter reporter = new RunReporter(settings.telemetry(), log, "remapped_rows_failures",
        "nvidia-smi --query-remapped-rows", false);
    // A driver that does not know the query at all will not learn it while the agent runs.
    return new PollingCollector(runner, reporter, this::onRemappedRowsSample, poller, Duration.ZERO,
        config.remappedRowsInterval(), Set.of(SmiExit.INVALID_ARGUMENT.label()), log);
  }

  private void onGpuSample(Sample sample) {
    try {
      gpus.update(sample);
      send(Samples.gpuBatch(sample, settings.clock().instant()));
    } catch (RuntimeException e) {
      unusable.increment();
      log.error("could not turn an nvidia-smi sample into metrics; sample dropped", e);
    }
    startRemappedRows();
  }

  /**
   * Starts the remapped-rows polls after the first {@code --query-gpu} sample: they name GPUs only
   * by bus id, and their points should carry the same attributes as the GPU's others from the start.
   */
  private void startRemappedRows() {
    synchronized (lifecycle) {
      if (remappedRows != null && !stopping) {
        collectors.add(remappedRows);
        remappedRows.start("gputel-receiver-" + settings.id());
        remappedRows = null;
      }
    }
  }

  private void onRemappedRowsSample(Sample sample) {
    try {
      send(Samples.remappedRowsBatch(sample, settings.clock().instant(), gpus));
    } catch (RuntimeException e) {
      unusable.increment();
      log.error("could not turn an nvidia-smi remapped-rows sample into metrics; sample dropped", e);
    }
  }

  private void send(MetricBatch batch) {
    if (batch.points().isEmpty()) {
      return; // Every value absent ([N/A] on a MIG GPU, say): nothing to say.
    }
    samples.increment();
    try {
      next.metrics().consume(batch);
    } catch (RefusedException e) {
      refused.increment();
      log.debug("pipeline refused an nvidia-smi sample: {}", e.getMessage());
    }
  }

  @Override
  public void shutdown() {
    List<Collector> running;
    synchronized (lifecycle) {
      stopping = true;
      running = List.copyOf(collectors);
      collectors.clear();
      remappedRows = null;
    }
    try {
      // Outside the lock: a sample thread that wants it must not hold up its own collector's stop.
      for (Collector collector : running) {
        collector.stop();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      for (ScheduledExecutorService executor : new ScheduledExecutorService[] {poller, timer}) {
        if (executor != null) {
          executor.shutdownNow();
          awaitQuietly(executor);
        }
      }
    }
  }

  private void awaitQuietly(ScheduledExecutorService executor) {
    try {
      if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
        log.warn("nvidia-smi receiver threads did not stop within 10 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
