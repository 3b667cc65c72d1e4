package dev.gputel.examples.loadavg;

import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.ComponentStatus;
import dev.gputel.spi.component.Counter;
import dev.gputel.spi.component.Host;
import dev.gputel.spi.consumer.MetricsConsumer;
import dev.gputel.spi.consumer.RefusedException;
import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.spi.data.Resource;
import dev.gputel.spi.receiver.Receiver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * Reads the loadavg file every interval and sends one batch of five gauges. A read that fails
 * (the file is missing, unreadable or malformed) is logged and counted, and makes the receiver
 * report itself down with the reason; it keeps reading, and reports itself up again at the first
 * good read.
 */
final class LoadavgReceiver implements Receiver {
  static final String LOAD_1M = "system_load_average_1m";
  static final String LOAD_5M = "system_load_average_5m";
  static final String LOAD_15M = "system_load_average_15m";
  static final String PROCESSES_RUNNING = "system_processes_running";
  static final String PROCESSES_TOTAL = "system_processes_total";

  private final LoadavgConfig config;
  private final ComponentSettings settings;
  private final MetricsConsumer next;
  private final Logger log;
  private final Counter readErrors;
  private ScheduledExecutorService scheduler;
  /** The status last reported; only the polling thread touches it. */
  private ComponentStatus status;

  LoadavgReceiver(LoadavgConfig config, ComponentSettings settings, MetricsConsumer next) {
    this.config = config;
    this.settings = settings;
    this.next = next;
    this.log = settings.logger();
    this.readErrors = settings.telemetry().counter("read_errors",
        "Reads of the loadavg file that failed or found malformed content");
  }

  @Override
  public synchronized void start(Host host) {
    if (scheduler != null) {
      throw new IllegalStateException("loadavg receiver " + settings.id() + " already started");
    }
    scheduler = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().daemon().name("gputel-receiver-" + settings.id()).factory());
    scheduler.scheduleWithFixedDelay(
        this::pollSafely, 0, config.interval().toNanos(), TimeUnit.NANOSECONDS);
  }

  private void pollSafely() {
    try {
      poll();
    } catch (RuntimeException e) {
      // An exception escaping a periodic task would cancel every later read.
      log.error("reading {} failed unexpectedly", config.path(), e);
    }
  }

  /** Reads the file once and sends what it holds; the scheduler calls it, and tests directly. */
  void poll() {
    String text;
    try {
      // Decoded leniently: bytes that are not UTF-8 end up in a "malformed" message, not an error.
      text = new String(Files.readAllBytes(config.path()), StandardCharsets.UTF_8);
    } catch (IOException e) {
      failed("cannot read " + config.path() + ": " + describe(e));
      return;
    }
    LoadAverage load;
    try {
      load = LoadAverage.parse(config.path().toString(), text);
    } catch (MalformedLoadavgException e) {
      failed(e.getMessage());
      return;
    }
    report(ComponentStatus.ok());
    send(new MetricBatch(Resource.empty(), points(load, settings.clock().instant())));
  }

  /** Returns the five gauges of one reading. */
  static List<MetricPoint> points(LoadAverage load, Instant timestamp) {
    Attributes none = Attributes.empty();
    return List.of(
        MetricPoint.gauge(LOAD_1M, load.oneMinute(), "1", timestamp, none),
        MetricPoint.gauge(LOAD_5M, load.fiveMinutes(), "1", timestamp, none),
        MetricPoint.gauge(LOAD_15M, load.fifteenMinutes(), "1", timestamp, none),
        MetricPoint.gauge(PROCESSES_RUNNING, load.running(), "{process}", timestamp, none),
        MetricPoint.gauge(PROCESSES_TOTAL, load.total(), "{process}", timestamp, none));
  }

  private void failed(String reason) {
    readErrors.increment();
    if (status == null || status.up() || !status.reason().equals(reason)) {
      log.warn("{}; reading again every {}", reason, LoadavgConfig.format(config.interval()));
    } else {
      log.debug("{}", reason);
    }
    report(ComponentStatus.down(reason));
  }

  /** Reports a status when it differs from the last one, so a steady state is not re-reported. */
  private void report(ComponentStatus newStatus) {
    if (!newStatus.equals(status)) {
      status = newStatus;
      settings.telemetry().reportStatus(newStatus);
    }
  }

  private void send(MetricBatch batch) {
    try {
      next.consume(batch);
    } catch (RefusedException e) {
      // A gauge is worth nothing later: drop this reading, the next one follows in an interval.
      log.debug("pipeline refused a loadavg reading: {}", e.getMessage());
    }
  }

  private static String describe(IOException e) {
    return switch (e) {
      case NoSuchFileException missing -> "no such file";
      case AccessDeniedException denied -> "permission denied";
      default -> e.getClass().getSimpleName() + ": " + e.getMessage();
    };
  }

  @Override
  public synchronized void shutdown() {
    if (scheduler == null) {
      return;
    }
    // shutdown(), not shutdownNow(): interrupting a read would close the file channel and count a
    // read error; a read in progress finishes and no new one starts.
    scheduler.shutdown();
    try {
      if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
        log.warn("loadavg thread did not stop within 5 s");
        scheduler.shutdownNow();
      }
    } catch (InterruptedException e) {
      scheduler.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
