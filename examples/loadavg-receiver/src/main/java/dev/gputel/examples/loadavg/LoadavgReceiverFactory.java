package dev.gputel.examples.loadavg;

import com.typesafe.config.Config;
import dev.gputel.spi.component.AbstractComponentFactory;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.Stability;
import dev.gputel.spi.consumer.Consumers;
import dev.gputel.spi.data.Signal;
import dev.gputel.spi.receiver.Receiver;
import dev.gputel.spi.receiver.ReceiverFactory;
import java.util.Set;
import org.pf4j.Extension;

/**
 * Creates {@code loadavg} receivers. {@link Extension} makes pf4j's annotation processor list this
 * class in the jar's {@code META-INF/extensions.idx}, which is how the agent finds it.
 */
@Extension
public final class LoadavgReceiverFactory extends AbstractComponentFactory implements ReceiverFactory {
  public LoadavgReceiverFactory() {
    super("loadavg", Stability.ALPHA, Set.of(Signal.METRICS),
        "Reads the system load averages and process counts from /proc/loadavg");
  }

  @Override
  public Receiver create(ComponentSettings settings, Config config, Consumers next) {
    return new LoadavgReceiver(LoadavgConfig.from(config), settings, next.metrics());
  }
}
