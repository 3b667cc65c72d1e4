package dev.gputel.receiver.nvml;

import static org.awaitility.Awaitility.await;

import dev.gputel.spi.component.ComponentId;
import dev.gputel.spi.component.ComponentKind;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.consumer.Consumers;
import dev.gputel.spi.consumer.EventsConsumer;
import dev.gputel.spi.consumer.MetricsConsumer;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.testing.RecordingTelemetry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Test helper: an nvml receiver that only an events pipeline takes from (no metric is wanted), on
 * the fake NVML, recording the events it sends and the threads that sent them.
 */
final class EventReceivers implements EventsConsumer {
  static final Duration WAIT = Duration.ofSeconds(10);
  /** What the receiver registers on a fake GPU by default: the watched types the fake supports. */
  static final long REGISTERED_BY_DEFAULT = 0x1 | 0x2 | 0x8 | 0x400 | 0x800;
  private static final MetricsConsumer NO_METRICS = new MetricsConsumer() {
    @Override
    public void consume(dev.gputel.spi.data.MetricBatch batch) {
      throw new AssertionError("no metric is wanted");
    }

    @Override
    public boolean wants(String metricName) {
      return false;
    }
  };

  final RecordingTelemetry telemetry = new RecordingTelemetry();
  final List<Event> events = new CopyOnWriteArrayList<>();
  final List<String> threads = new CopyOnWriteArrayList<>();

  @Override
  public void consume(EventBatch batch) {
    threads.add(Thread.currentThread().getName());
    events.addAll(batch.events());
  }

  NvmlReceiver receiver(FakeNvml library, Path stateDirectory) {
    return new NvmlReceiver(config(library, Duration.ofSeconds(10), true), settings(stateDirectory),
        new Consumers(NO_METRICS, this));
  }

  static NvmlConfig config(FakeNvml library, Duration interval, boolean events) {
    return new NvmlConfig(library.path(), interval, Duration.ofMillis(10), Duration.ofMillis(40), events);
  }

  ComponentSettings settings(Path stateDirectory) {
    return new ComponentSettings(new ComponentId(ComponentKind.RECEIVER, "nvml", ""),
        telemetry, Clock.systemUTC(), stateDirectory, "test");
  }

  /** Waits until {@code gpu} is registered for events on a live set of {@code library}. */
  static void awaitRegistered(FakeNvml library, int gpu) {
    await().atMost(WAIT).until(() -> library.registeredEvents(gpu) != 0);
  }

  /** Waits for the {@code n}th event (from 1) and returns it. */
  Event awaitEvent(int n) {
    await().atMost(WAIT).until(() -> events.size() >= n);
    return events.get(n - 1);
  }
}
