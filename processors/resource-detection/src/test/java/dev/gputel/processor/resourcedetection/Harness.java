package dev.gputel.processor.resourcedetection;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.gputel.aws.LocalHost;
import dev.gputel.aws.PlaceholderResolver;
import dev.gputel.spi.component.ComponentId;
import dev.gputel.spi.component.ComponentKind;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.spi.data.Resource;
import dev.gputel.spi.data.Severity;
import dev.gputel.testing.RecordingTelemetry;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/** Builds processors from HOCON over the shipped defaults, and sample batches for them. */
final class Harness {
  static final String GPU_A = "GPU-11111111-2222-3333-4444-555555555555";
  static final String GPU_B = "GPU-66666666-7777-8888-9999-000000000000";
  /** What the instance profile would hand out; a session token as role credentials have. */
  static final AwsCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
      AwsSessionCredentials.create("ASIAEXAMPLEGPUTEL0001", "secretsecretsecretsecretsecretsecret0001", "session-token-1"));
  static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");

  private Harness() {}

  static Config defaults() {
    return ConfigFactory.parseResources("reference.conf").resolve().getConfig("gputel.processors.resource-detection");
  }

  static ResourceDetectionConfig config(String hocon, Map<String, String> env) {
    return ResourceDetectionConfig.from(ConfigFactory.parseString(hocon).withFallback(defaults()).resolve(), env);
  }

  static ResourceDetectionProcessor processor(String hocon, Map<String, String> env, RecordingTelemetry telemetry,
      Clock clock) {
    ComponentSettings settings = new ComponentSettings(
        new ComponentId(ComponentKind.PROCESSOR, "resource-detection", ""), telemetry, clock, Path.of("."), "test");
    return new ResourceDetectionProcessor(config(hocon, env), settings,
        new PlaceholderResolver(clock, LocalHost.of("test-box", "10.9.8.7")), () -> CREDENTIALS);
  }

  /** Two GPUs, one point each, from a receiver that names the host as the OS does. */
  static MetricBatch metrics() {
    return new MetricBatch(new Resource(Attributes.of("host.name", "test-box")), List.of(
        MetricPoint.gauge("utilization_gpu", 97, "%", NOW, gpu(GPU_A, 0)),
        MetricPoint.gauge("utilization_gpu", 3, "%", NOW, gpu(GPU_B, 1))));
  }

  static EventBatch events() {
    return new EventBatch(new Resource(Attributes.of("host.name", "test-box")), List.of(
        new Event(NOW, Severity.ERROR, "NVRM: Xid (PCI:0000:00:1e): 79, pid=1234, name=python, GPU has fallen off the bus.",
            gpu(GPU_A, 0), "e1"),
        new Event(NOW, Severity.ERROR, "NVRM: Xid (PCI:0000:00:1f): 48, pid=99, name=python, DBE",
            gpu(GPU_B, 1), "e2")));
  }

  static Attributes gpu(String uuid, long index) {
    return Attributes.builder().put("gpu.index", index).put("hw.id", uuid).build();
  }
}
