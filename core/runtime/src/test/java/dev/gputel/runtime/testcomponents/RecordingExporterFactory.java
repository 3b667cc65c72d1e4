package dev.gputel.runtime.testcomponents;

import com.typesafe.config.Config;
import dev.gputel.spi.component.AbstractComponentFactory;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.Host;
import dev.gputel.spi.component.Stability;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.Signal;
import dev.gputel.spi.data.TelemetryBatch;
import dev.gputel.spi.exporter.ExportException;
import dev.gputel.spi.exporter.Exporter;
import dev.gputel.spi.exporter.ExporterFactory;
import dev.gputel.spi.exporter.PermanentExportException;
import dev.gputel.spi.exporter.RetryableExportException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** An exporter that records what it was sent, or fails in a chosen way. */
public final class RecordingExporterFactory extends AbstractComponentFactory implements ExporterFactory {
  private final Map<String, Recording> exporters = new ConcurrentHashMap<>();
  private final LifecycleLog log;

  public RecordingExporterFactory(LifecycleLog log) {
    super("recording", Stability.DEVELOPMENT, Set.of(Signal.METRICS, Signal.EVENTS), "");
    this.log = log;
  }

  @Override
  public Exporter create(ComponentSettings settings, Config config) {
    Recording recording = new Recording(settings.id().toString(), config.getString("behaviour"),
        config.getInt("failures"), log);
    exporters.put(settings.id().toString(), recording);
    return recording;
  }

  /** Returns the instance created last with this id. */
  public Recording exporter(String id) {
    return exporters.get(id);
  }

  /** One recording exporter. */
  public static final class Recording implements Exporter {
    private final String id;
    private final String behaviour;
    private final int failures;
    private final LifecycleLog log;
    private final List<TelemetryBatch> received = new ArrayList<>();
    private final AtomicInteger attempts = new AtomicInteger();
    private volatile Host host;

    Recording(String id, String behaviour, int failures, LifecycleLog log) {
      this.id = id;
      this.behaviour = behaviour;
      this.failures = failures;
      this.log = log;
    }

    @Override
    public void start(Host host) {
      this.host = host;
      log.add("start exporter " + id);
    }

    /** Returns the host the runtime started this exporter with, or null before start. */
    public Host host() {
      return host;
    }

    @Override
    public void exportMetrics(MetricBatch batch) throws ExportException {
      export(batch);
    }

    @Override
    public void exportEvents(EventBatch batch) throws ExportException {
      export(batch);
    }

    private void export(TelemetryBatch batch) throws ExportException {
      int attempt = attempts.incrementAndGet();
      switch (behaviour) {
        case "retryable" -> throw new RetryableExportException("destination unavailable");
        case "permanent" -> throw new PermanentExportException("destination rejected the batch");
        case "fail-then-ok" -> {
          if (attempt <= failures) {
            throw new RetryableExportException("destination unavailable (attempt " + attempt + ")");
          }
        }
        case "slow" -> pause(10);
        case "block" -> pause(Long.MAX_VALUE);
        default -> { }
      }
      synchronized (this) {
        received.add(batch);
        notifyAll();
      }
    }

    private static void pause(long millis) throws RetryableExportException {
      try {
        Thread.sleep(millis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new RetryableExportException("interrupted");
      }
    }

    public int attempts() {
      return attempts.get();
    }

    public synchronized List<TelemetryBatch> received() {
      return List.copyOf(received);
    }

    /** Waits until {@code count} batches have been received; returns false on timeout. */
    public synchronized boolean awaitReceived(int count, long timeoutMillis) throws InterruptedException {
      long deadline = System.currentTimeMillis() + timeoutMillis;
      while (received.size() < count) {
        long left = deadline - System.currentTimeMillis();
        if (left <= 0) {
          return false;
        }
        wait(left);
      }
      return true;
    }

    @Override
    public void shutdown() {
      log.add("shutdown exporter " + id);
    }
  }
}
