package dev.gputel.exporter.cloudwatch;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.gputel.spi.component.ComponentId;
import dev.gputel.spi.component.ComponentKind;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.spi.data.Resource;
import dev.gputel.spi.exporter.ExportException;
import dev.gputel.spi.exporter.RetryableExportException;
import dev.gputel.testing.ManualClock;
import dev.gputel.testing.RecordingTelemetry;
import dev.gputel.testing.TestHost;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the exporter against the fake CloudWatch with the real SDK client: credentials from the
 * SDK's default chain (the aws.accessKeyId / aws.secretAccessKey system properties, its second
 * link), the region and endpoint from the configuration.
 */
final class Harness implements AutoCloseable {
  static final Instant START = Instant.parse("2026-07-14T08:12:53Z");
  static final String HOST = "ip-10-0-0-1";

  static {
    System.setProperty("aws.accessKeyId", "AKIAIOSFODNN7EXAMPLE");
    System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
  }

  final ManualClock clock = new ManualClock(START);
  final RecordingTelemetry telemetry = new RecordingTelemetry();
  final FakeCloudWatch fake;
  final CloudWatchExporter exporter;
  int attempts;

  Harness(String body) throws Exception {
    this(body, true);
  }

  /** @param start whether to start the exporter here, rather than in the runtime under test */
  Harness(String body, boolean start) throws Exception {
    fake = new FakeCloudWatch(clock);
    Config config = config("region = us-east-1, endpoint = \"" + fake.endpoint() + "\", " + body);
    exporter = new CloudWatchExporter(CloudWatchConfig.from(config), new ComponentSettings(
        new ComponentId(ComponentKind.EXPORTER, "cloudwatch", ""), telemetry, clock, Path.of("target"), "test"),
        Clients::create);
    if (start) {
      exporter.start(new TestHost());
    }
  }

  static Config config(String body) {
    return ConfigFactory.parseString(body)
        .withFallback(ConfigFactory.parseResources("reference.conf").getConfig("gputel.exporters.cloudwatch"))
        .resolve();
  }

  /**
   * Exports a batch as the runtime does: a retryable failure is retried after a backoff (1 s
   * doubling to 60 s) on the test clock, until it goes through; returns the attempts it took.
   */
  int deliver(MetricBatch batch) throws ExportException {
    Duration backoff = Duration.ofSeconds(1);
    for (int attempt = 1; ; attempt++) {
      attempts++;
      try {
        exporter.exportMetrics(batch);
        return attempt;
      } catch (RetryableExportException e) {
        if (attempt == 10_000) {
          throw e;
        }
        clock.advance(e.retryAfter().orElse(backoff));
        backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(60)) > 0 ? Duration.ofSeconds(60)
            : backoff.multipliedBy(2);
      }
    }
  }

  /** One sample of {@code gpus} H100s at the clock's time: utilization, memory used, power, temperature. */
  MetricBatch sample(int gpus) {
    return sample(gpus, clock.instant());
  }

  static MetricBatch sample(int gpus, Instant at) {
    List<MetricPoint> points = new ArrayList<>();
    for (int i = 0; i < gpus; i++) {
      Attributes gpu = gpu(i);
      points.add(MetricPoint.gauge("utilization_gpu", i % 2 == 0 ? 100 : 37, "%", at, gpu));
      points.add(MetricPoint.gauge("memory_used", 81004 - i, "MiBy", at, gpu));
      points.add(MetricPoint.gauge("power_draw", 600 + i + 0.25, "W", at, gpu));
      points.add(MetricPoint.gauge("temperature_gpu", 60 + i % 3, "Cel", at, gpu));
    }
    return new MetricBatch(new Resource(Attributes.builder().put("host.name", HOST).build()), points);
  }

  static Attributes gpu(int index) {
    Attributes.Builder gpu = Attributes.builder().put("gpu.index", (long) index).put("hw.id", "GPU-" + index)
        .put("hw.model", "NVIDIA H100 80GB HBM3");
    if (index % 4 != 3) {
      gpu.put("gpu.architecture", "Hopper"); // one GPU in four without arch: its set has a key fewer
    }
    return gpu.build();
  }

  @Override
  public void close() {
    exporter.shutdown();
    fake.close();
  }
}
