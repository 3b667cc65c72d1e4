package dev.gputel.exporter.otlp;

import com.typesafe.config.Config;
import dev.gputel.spi.component.AbstractComponentFactory;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.Stability;
import dev.gputel.spi.data.Signal;
import dev.gputel.spi.exporter.Exporter;
import dev.gputel.spi.exporter.ExporterFactory;
import java.util.Set;
import org.pf4j.Extension;

/** Creates {@code otlp} exporters. */
@Extension
public final class OtlpExporterFactory extends AbstractComponentFactory implements ExporterFactory {
  public OtlpExporterFactory() {
    super("otlp", Stability.ALPHA, Set.of(Signal.METRICS, Signal.EVENTS),
        "Sends metrics (hardware semantic conventions) and events (log records) over OTLP, gRPC or HTTP");
  }

  @Override
  public Exporter create(ComponentSettings settings, Config config) {
    return new OtlpExporter(OtlpConfig.from(config), settings);
  }
}
