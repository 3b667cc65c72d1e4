package dev.gputel.processor.resourcedetection;

import com.typesafe.config.Config;
import dev.gputel.aws.PlaceholderResolver;
import dev.gputel.spi.component.AbstractComponentFactory;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.Stability;
import dev.gputel.spi.data.Signal;
import dev.gputel.spi.processor.Processor;
import dev.gputel.spi.processor.ProcessorFactory;
import java.util.Set;
import org.pf4j.Extension;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;

/** Creates {@code resource-detection} processors. */
@Extension
public final class ResourceDetectionProcessorFactory extends AbstractComponentFactory implements ProcessorFactory {
  public ResourceDetectionProcessorFactory() {
    super("resource-detection", Stability.BETA, Set.of(Signal.METRICS, Signal.EVENTS),
        "Adds the EC2 instance, the ECS task (and the task owning each GPU) and static attributes to the resource");
  }

  @Override
  public Processor create(ComponentSettings settings, Config config) {
    return new ResourceDetectionProcessor(ResourceDetectionConfig.from(config, System.getenv()), settings,
        PlaceholderResolver.system(settings.clock()), () -> DefaultCredentialsProvider.builder().build());
  }
}
