package dev.gputel.exporter.cloudwatchlogs;

import com.typesafe.config.Config;
import dev.gputel.spi.component.AbstractComponentFactory;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.Stability;
import dev.gputel.spi.data.Signal;
import dev.gputel.spi.exporter.Exporter;
import dev.gputel.spi.exporter.ExporterFactory;
import java.util.Set;
import org.pf4j.Extension;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/** Creates {@code cloudwatch-logs} exporters. */
@Extension
public final class CloudWatchLogsExporterFactory extends AbstractComponentFactory implements ExporterFactory {
  public CloudWatchLogsExporterFactory() {
    super("cloudwatch-logs", Stability.ALPHA, Set.of(Signal.EVENTS),
        "Sends events (classified Xids) to CloudWatch Logs as JSON objects or raw kernel lines");
  }

  @Override
  public Exporter create(ComponentSettings settings, Config config) {
    // The default chain: environment, system properties, web identity, profile, ECS task role,
    // EC2 instance profile; resolved lazily at the first call, and refreshed by the SDK.
    return new CloudWatchLogsExporter(CloudWatchLogsConfig.from(config), settings,
        DefaultCredentialsProvider.builder().build());
  }
}
