package dev.gputel.exporter.debug;

import com.typesafe.config.Config;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.Stability;
import dev.gputel.spi.data.Signal;
import dev.gputel.spi.exporter.Exporter;
import dev.gputel.spi.exporter.ExporterFactory;
import java.util.Set;
import org.pf4j.Extension;

/** Creates {@code debug} exporters. */
@Extension
public final class DebugExporterFactory implements ExporterFactory {
  @Override
  public String type() {
    return "debug";
  }

  @Override
  public Stability stability() {
    return Stability.BETA;
  }

  @Override
  public Set<Signal> signals() {
    return Set.of(Signal.METRICS, Signal.EVENTS);
  }

  @Override
  public String description() {
    return "Writes batches to the console or a file, as text or JSON lines";
  }

  @Override
  public Exporter create(ComponentSettings settings, Config config) {
    return new DebugExporter(DebugConfig.from(config), settings);
  }
}
