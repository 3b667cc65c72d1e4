package dev.gputel.receiver.emf;

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

/** Creates {@code emf} receivers. */
@Extension
public final class EmfReceiverFactory extends AbstractComponentFactory implements ReceiverFactory {
  public EmfReceiverFactory() {
    super("emf", Stability.ALPHA, Set.of(Signal.EVENTS),
        "Listens for CloudWatch embedded metric format documents on TCP and UDP (the CloudWatch agent's port 25888)");
  }

  @Override
  public Receiver create(ComponentSettings settings, Config config, Consumers next) {
    return new EmfReceiver(EmfConfig.from(config), settings, next);
  }
}
