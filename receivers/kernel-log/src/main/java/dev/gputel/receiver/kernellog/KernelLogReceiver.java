package dev.gputel.receiver.kernellog;

import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.ComponentStatus;
import dev.gputel.spi.component.Host;
import dev.gputel.spi.component.LocalHostName;
import dev.gputel.spi.component.RestartBackoff;
import dev.gputel.spi.consumer.Consumers;
import dev.gputel.spi.receiver.Receiver;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * Follows the kernel log on its own thread and hands NVIDIA driver lines on as events. A source
 * that cannot be opened, or that fails, makes the status down with the reason and is tried again
 * with backoff; the agent runs on meanwhile.
 */
final class KernelLogReceiver implements Receiver {
  private final KernelLogConfig config;
  private final ComponentSettings settings;
  private final Consumers next;
  private final List<Path> systemJournals;
  private final Logger log;
  private final ReceiverMetrics metrics;
  private final Prefilter prefilter;
  private volatile boolean stopped;
  private volatile LineSource current;
  private Thread thread;
  private SourceKind kind;
  private boolean opened;

  KernelLogReceiver(KernelLogConfig config, ComponentSettings settings, Consumers next, List<Path> systemJournals) {
    this.config = config;
    this.settings = settings;
    this.next = next;
    this.systemJournals = systemJournals;
    this.log = settings.logger();
    this.metrics = new ReceiverMetrics(settings.telemetry());
    this.prefilter = new Prefilter(config.match());
  }

  @Override
  public synchronized void start(Host host) {
    kind = SourceSelector.resolve(config, systemJournals);
    log.info("reading kernel messages from {}", kind.id());
    thread = Thread.ofPlatform().daemon().name("gputel-receiver-" + settings.id()).start(this::supervise);
  }

  /** Whether the reading thread is still alive (false before start and after shutdown). */
  synchronized boolean reading() {
    return thread != null && thread.isAlive();
  }

  /** The source in use once started: the configured one, or what auto chose. */
  synchronized SourceKind source() {
    return kind;
  }

  private void supervise() {
    RestartBackoff reopen = new RestartBackoff(config.retryInitial(), config.retryMax());
    Pump pump = new Pump(prefilter, new KernelEvents(kind, config.hostName(), LocalHostName.get()), next.events(),
        metrics, config.maxBatch(), new RestartBackoff(config.retryInitial(), config.retryMax()), settings.clock(),
        log);
    String lastReason = null;
    while (!stopped) {
      String reason;
      LineSource source = null;
      long linesBefore = pump.linesRead();
      try {
        source = open();
        current = source;
        if (stopped) {
          break;
        }
        settings.telemetry().reportStatus(ComponentStatus.ok());
        lastReason = null;
        pump.run(source);
        reason = source.endReason();
      } catch (InterruptedException e) {
        break;
      } catch (IOException | RuntimeException e) {
        if (stopped) {
          break;
        }
        reason = e instanceof IOException && e.getMessage() != null ? e.getMessage() : e.toString();
      } finally {
        current = null;
        if (source != null) {
          source.close();
        }
      }
      if (stopped) {
        break;
      }
      if (pump.linesRead() > linesBefore) {
        reopen.reset(); // It worked for a while: try again soon.
      }
      metrics.sourceRestarts.increment();
      settings.telemetry().reportStatus(ComponentStatus.down(kind.id() + ": " + reason));
      if (!reason.equals(lastReason)) {
        log.warn("{} source unavailable ({}); trying again with backoff", kind.id(), reason);
        lastReason = reason;
      }
      try {
        Thread.sleep(reopen.next());
      } catch (InterruptedException e) {
        break;
      }
    }
  }

  private LineSource open() throws IOException, InterruptedException {
    Path stateDirectory = settings.stateDirectory();
    boolean firstAttempt = !opened;
    opened = true;
    return switch (kind) {
      case JOURNALD -> JournaldSource.open(config.journald(), prefilter,
          new StateFile(stateDirectory.resolve("journald.state")), metrics, log);
      case KMSG -> KmsgSource.open(config.kmsg(), config.pollInterval(),
          new StateFile(stateDirectory.resolve("kmsg.state")), metrics, settings.clock(), log);
      case FILE -> FileSource.open(config.file(), firstAttempt, config.pollInterval(),
          new StateFile(stateDirectory.resolve("files.state")), metrics, settings.clock(), log);
      case AUTO -> throw new IllegalStateException("auto is resolved at start");
    };
  }

  @Override
  public void shutdown() {
    Thread running;
    synchronized (this) {
      stopped = true;
      running = thread;
    }
    LineSource source = current;
    if (source != null) {
      source.close(); // Ends a read blocked on journalctl's output or on the device.
    }
    if (running == null) {
      return;
    }
    running.interrupt();
    try {
      running.join(TimeUnit.SECONDS.toMillis(5));
      if (running.isAlive()) {
        log.warn("kernel-log reader did not stop within 5 s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
