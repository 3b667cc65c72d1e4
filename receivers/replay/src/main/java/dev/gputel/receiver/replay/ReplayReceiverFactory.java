package dev.gputel.receiver.replay;

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

/** Creates {@code replay} receivers. */
@Extension
public final class ReplayReceiverFactory extends AbstractComponentFactory implements ReceiverFactory {
  public ReplayReceiverFactory() {
    super("replay", Stability.BETA, Set.of(Signal.METRICS, Signal.EVENTS),
        "Replays recorded nvidia-smi CSV captures and kernel-log lines");
  }

  @Override
  public Receiver create(ComponentSettings settings, Config config, Consumers next) {
    return new ReplayReceiver(ReplayConfig.from(config), settings, next);
  }
}
