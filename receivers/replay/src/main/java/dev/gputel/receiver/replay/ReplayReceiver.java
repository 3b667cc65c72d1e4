package dev.gputel.receiver.replay;

import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.ComponentStatus;
import dev.gputel.spi.component.Counter;
import dev.gputel.spi.component.Host;
import dev.gputel.spi.consumer.Consumers;
import dev.gputel.spi.consumer.RefusedException;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.Resource;
import dev.gputel.spi.receiver.Receiver;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * Replays captures: every interval, the next sample of the nvidia-smi captures (played one file
 * after another) and the next lines of each kernel-log capture.
 */
final class ReplayReceiver implements Receiver {
  private final ReplayConfig config;
  private final ComponentSettings settings;
  private final Consumers next;
  private final Logger log;
  private final Counter linesSkipped;
  private final List<MetricSamples> captures = new ArrayList<>();
  private final List<LogLines> logs = new ArrayList<>();
  private ScheduledExecutorService scheduler;
  private int capture;
  private int sample;

  ReplayReceiver(ReplayConfig config, ComponentSettings settings, Consumers next) {
    this.config = config;
    this.settings = settings;
    this.next = next;
    this.log = settings.logger();
    this.linesSkipped = settings.telemetry().counter("lines_skipped",
        "Capture lines that were not valid CSV rows and were skipped");
  }

  @Override
  public void start(Host host) throws IOException {
    for (Path file : config.metricsFiles()) {
      CsvCapture parsed = CsvCapture.parse(file.toString(), Files.readAllLines(file, StandardCharsets.UTF_8));
      parsed.problems().forEach(problem -> log.warn("{}", problem));
      linesSkipped.add(parsed.problems().size());
      // Ask the pipelines once which metrics they keep, and never build points they would drop.
      captures.add(new MetricSamples(parsed, config.fields(), next.metrics()::wants));
    }
    for (Path file : config.logFiles()) {
      logs.add(new LogLines(file.getFileName().toString(), Files.readAllLines(file, StandardCharsets.UTF_8)));
    }
    captures.removeIf(samples -> samples.size() == 0);
    scheduler = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().daemon().name("gputel-receiver-" + settings.id()).factory());
    long period = config.interval().toNanos();
    scheduler.scheduleAtFixedRate(this::tickSafely, 0, period, TimeUnit.NANOSECONDS);
    settings.telemetry().reportStatus(ComponentStatus.ok());
  }

  private void tickSafely() {
    try {
      if (!tick()) {
        log.info("replay finished (mode = once)");
        scheduler.shutdown();
      }
    } catch (RuntimeException e) {
      log.error("replay tick failed", e);
    }
  }

  /** Sends one interval's worth; returns false when there is nothing left to send. */
  boolean tick() {
    Instant now = settings.clock().instant();
    boolean more = false;
    if (!captures.isEmpty() && capture < captures.size()) {
      send(captures.get(capture).batch(sample, now));
      sample++;
      if (sample == captures.get(capture).size()) {
        sample = 0;
        capture++;
        if (capture == captures.size() && config.mode() == ReplayMode.LOOP) {
          capture = 0;
        }
      }
      more = capture < captures.size();
    }
    for (LogLines lines : logs) {
      if (lines.exhausted() && config.mode() == ReplayMode.LOOP) {
        lines.rewind();
      }
      List<Event> events = lines.take(config.logLinesPerInterval(), now);
      if (!events.isEmpty()) {
        send(new EventBatch(Resource.empty(), events));
      }
      more |= !lines.exhausted();
    }
    return more || config.mode() == ReplayMode.LOOP;
  }

  private void send(MetricBatch batch) {
    if (batch.points().isEmpty()) {
      return; // Nothing of this sample is wanted (or present): no empty batch to count downstream.
    }
    try {
      next.metrics().consume(batch);
    } catch (RefusedException e) {
      log.debug("pipeline refused a replayed sample: {}", e.getMessage());
    }
  }

  private void send(EventBatch batch) {
    try {
      next.events().consume(batch);
    } catch (RefusedException e) {
      log.debug("pipeline refused replayed lines: {}", e.getMessage());
    }
  }

  @Override
  public void shutdown() {
    if (scheduler == null) {
      return;
    }
    scheduler.shutdownNow();
    try {
      if (!scheduler.awaitTermination(5, TimeUnit.SECONDS)) {
        log.warn("replay thread did not stop within 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
