package dev.gputel.exporter.prometheus;

import com.typesafe.config.Config;
import dev.gputel.spi.component.AbstractComponentFactory;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.Stability;
import dev.gputel.spi.data.Signal;
import dev.gputel.spi.exporter.Exporter;
import dev.gputel.spi.exporter.ExporterFactory;
import java.util.Set;
import org.pf4j.Extension;

/** Creates {@code prometheus} exporters. */
@Extension
public final class PrometheusExporterFactory extends AbstractComponentFactory implements ExporterFactory {
  public PrometheusExporterFactory() {
    super("prometheus", Stability.BETA, Set.of(Signal.METRICS, Signal.EVENTS),
        "Serves the latest GPU metrics, Xid counts and the agent's own metrics on /metrics for Prometheus");
  }

  @Override
  public Exporter create(ComponentSettings settings, Config config) {
    return new PrometheusExporter(PrometheusConfig.from(config), settings);
  }
}
