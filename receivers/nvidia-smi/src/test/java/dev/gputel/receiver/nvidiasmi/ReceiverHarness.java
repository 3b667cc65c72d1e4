package dev.gputel.receiver.nvidiasmi;

import com.typesafe.config.ConfigFactory;
import dev.gputel.spi.component.ComponentId;
import dev.gputel.spi.component.ComponentKind;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.consumer.Consumers;
import dev.gputel.spi.consumer.MetricsConsumer;
import dev.gputel.spi.consumer.RefusedException;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.testing.ManualClock;
import dev.gputel.testing.RecordingTelemetry;
import dev.gputel.testing.TelemetrySink;
import dev.gputel.testing.TestHost;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A receiver under test: short intervals and timeouts, the fake nvidia-smi as its binary, and a
 * sink and telemetry to assert on. Shut it down in {@code @AfterEach}.
 */
final class ReceiverHarness implements AutoCloseable {
  static final String FAST = """
      interval = 50ms
      watchdog-timeout = 1s
      timeout = 2s
      restart-backoff-min = 20ms
      restart-backoff-max = 100ms
      """;

  final TelemetrySink sink = new TelemetrySink();
  final RecordingTelemetry telemetry = new RecordingTelemetry();
  final NvidiaSmiReceiver receiver;
  /** While true, the pipeline refuses every batch, as a full spool would. */
  volatile boolean refuse;

  ReceiverHarness(Path binary, Path stateDirectory, String body) {
    this(binary, stateDirectory, body, name -> true);
  }

  /** @param wanted the metrics the pipelines behind the receiver keep */
  ReceiverHarness(Path binary, Path stateDirectory, String body, Predicate<String> wanted) {
    var config = ConfigFactory.parseString(FAST + body + "\nbinary = \"" + binary + "\"\n")
        .withFallback(ConfigFactory.parseResources("reference.conf").getConfig("gputel.receivers.nvidia-smi"))
        .resolve();
    ComponentSettings settings = new ComponentSettings(new ComponentId(ComponentKind.RECEIVER, "nvidia-smi", ""),
        telemetry, ManualClock.atFixedStart(), stateDirectory, "test");
    MetricsConsumer metrics = new MetricsConsumer() {
      @Override
      public void consume(MetricBatch batch) {
        if (refuse) {
          throw new RefusedException("spool full");
        }
        sink.consume(batch);
      }

      @Override
      public boolean wants(String metricName) {
        return wanted.test(metricName);
      }
    };
    NvidiaSmiConfig smi = NvidiaSmiConfig.from(config);
    receiver = new NvidiaSmiReceiver(smi, settings, new Consumers(metrics, sink.consumers().events()),
        new BinaryLocator(smi.binary(), "", List.of()));
  }

  ReceiverHarness start() {
    receiver.start(new TestHost());
    return this;
  }

  /** Returns the batches whose points all have names in {@code names}. */
  List<MetricBatch> batchesOf(Set<String> names) {
    return sink.metricBatches().stream()
        .filter(b -> !b.points().isEmpty() && b.points().stream().allMatch(p -> names.contains(p.name())))
        .toList();
  }

  static double value(List<MetricPoint> points, String name) {
    return points.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().value();
  }

  long failures(String reason) {
    return telemetry.count("failures", Map.of("reason", reason));
  }

  @Override
  public void close() {
    receiver.shutdown();
  }
}
