package dev.gputel.runtime.testcomponents;

import com.typesafe.config.Config;
import dev.gputel.spi.component.AbstractComponentFactory;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.Stability;
import dev.gputel.spi.data.Signal;
import dev.gputel.spi.exporter.Exporter;
import dev.gputel.spi.exporter.ExporterFactory;
import java.util.Set;

/** An exporter that declares only metrics, for the signal checks of pipelines. */
public final class MetricsOnlyExporterFactory extends AbstractComponentFactory implements ExporterFactory {
  public MetricsOnlyExporterFactory() {
    super("metrics-only", Stability.DEVELOPMENT, Set.of(Signal.METRICS), "");
  }

  @Override
  public Exporter create(ComponentSettings settings, Config config) {
    return new Exporter() {};
  }
}
