package dev.gputel.exporter.otlp;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.gputel.spi.component.ComponentId;
import dev.gputel.spi.component.ComponentKind;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.testing.ManualClock;
import dev.gputel.testing.RecordingTelemetry;
import java.nio.file.Path;

/** Creates otlp exporters the way the runtime does: the instance's keys over reference.conf. */
final class Exporters {
  static final String VERSION = "0.1.0-test";

  private Exporters() {}

  static Config config(String body) {
    return ConfigFactory.parseString(body)
        .withFallback(ConfigFactory.parseResources("reference.conf").getConfig("gputel.exporters.otlp")).resolve();
  }

  static OtlpExporter create(String body, RecordingTelemetry telemetry, Path stateDirectory) {
    return new OtlpExporter(OtlpConfig.from(config(body)), new ComponentSettings(
        new ComponentId(ComponentKind.EXPORTER, "otlp", ""), telemetry, ManualClock.atFixedStart(),
        stateDirectory, VERSION));
  }
}
