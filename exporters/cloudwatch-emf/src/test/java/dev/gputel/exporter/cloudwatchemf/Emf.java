package dev.gputel.exporter.cloudwatchemf;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.testing.RecordingTelemetry;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Builds exporter settings and encoders for tests from a HOCON body over the reference.conf defaults. */
final class Emf {
  static final String HOSTNAME = "test-host";

  private Emf() {}

  static Config config(String body) {
    return ConfigFactory.parseString(body)
        .withFallback(ConfigFactory.parseResources("reference.conf").getConfig("gputel.exporters.cloudwatch-emf"))
        .resolve();
  }

  static EmfConfig settings(String body) {
    return EmfConfig.from(config(body));
  }

  /** Encodes a batch with these settings; the local hostname is {@link #HOSTNAME}. */
  static List<String> encode(String body, RecordingTelemetry telemetry, MetricBatch batch) {
    EmfConfig config = settings(body);
    EmfEncoder encoder = new EmfEncoder(config, HOSTNAME, new Drops(telemetry), config.maxDocumentBytes());
    return encoder.encode(batch).stream().map(d -> new String(d, StandardCharsets.UTF_8)).toList();
  }
}
