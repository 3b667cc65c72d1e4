package dev.gputel.exporter.debug;

import com.typesafe.config.Config;
import dev.gputel.spi.component.AbstractComponentFactory;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.Stability;
import dev.gputel.spi.data.Signal;
import dev.gputel.spi.exporter.Exporter;
import dev.gputel.spi.exporter.ExporterFactory;
import java.util.Set;
import org.pf4j.Extension;

/** Creates {@code debug} exporters. */
@Extension
public final class DebugExporterFactory extends AbstractComponentFactory implements ExporterFactory {
  public DebugExporterFactory() {
    super("debug", Stability.BETA, Set.of(Signal.METRICS, Signal.EVENTS),
        "Writes batches to the console or a file, as text or JSON lines");
  }

  @Override
  public Exporter create(ComponentSettings settings, Config config) {
    return new DebugExporter(DebugConfig.from(config), settings);
  }
}
