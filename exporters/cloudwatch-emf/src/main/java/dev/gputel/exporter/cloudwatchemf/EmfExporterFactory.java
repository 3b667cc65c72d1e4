package dev.gputel.exporter.cloudwatchemf;

import com.typesafe.config.Config;
import dev.gputel.spi.component.AbstractComponentFactory;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.Stability;
import dev.gputel.spi.data.Signal;
import dev.gputel.spi.exporter.Exporter;
import dev.gputel.spi.exporter.ExporterFactory;
import java.util.Set;
import org.pf4j.Extension;

/** Creates {@code cloudwatch-emf} exporters; metrics only (events go to cloudwatch-logs). */
@Extension
public final class EmfExporterFactory extends AbstractComponentFactory implements ExporterFactory {
  public EmfExporterFactory() {
    super("cloudwatch-emf", Stability.BETA, Set.of(Signal.METRICS),
        "Writes metrics as CloudWatch embedded metric format documents: stdout, a rotating file, the agent's socket or PutLogEvents");
  }

  @Override
  public Exporter create(ComponentSettings settings, Config config) {
    return new EmfExporter(EmfConfig.from(config), settings);
  }
}
