package dev.gputel.exporter.cloudwatch;

import com.typesafe.config.Config;
import dev.gputel.spi.component.AbstractComponentFactory;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.Stability;
import dev.gputel.spi.data.Signal;
import dev.gputel.spi.exporter.Exporter;
import dev.gputel.spi.exporter.ExporterFactory;
import java.util.Set;
import org.pf4j.Extension;

/** Creates {@code cloudwatch} exporters: metrics to CloudWatch with PutMetricData. */
@Extension
public final class CloudWatchExporterFactory extends AbstractComponentFactory implements ExporterFactory {
  public CloudWatchExporterFactory() {
    super("cloudwatch", Stability.BETA, Set.of(Signal.METRICS),
        "Sends metrics to CloudWatch with PutMetricData, with the CloudWatch agent's names and dimensions");
  }

  @Override
  public Exporter create(ComponentSettings settings, Config config) {
    return new CloudWatchExporter(CloudWatchConfig.from(config), settings, Clients::create);
  }
}
