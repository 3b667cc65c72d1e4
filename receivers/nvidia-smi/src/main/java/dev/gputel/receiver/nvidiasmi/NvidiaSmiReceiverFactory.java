package dev.gputel.receiver.nvidiasmi;

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

/** Creates {@code nvidia-smi} receivers. */
@Extension
public final class NvidiaSmiReceiverFactory extends AbstractComponentFactory implements ReceiverFactory {
  public NvidiaSmiReceiverFactory() {
    super("nvidia-smi", Stability.BETA, Set.of(Signal.METRICS),
        "GPU metrics from a long-lived nvidia-smi --query-gpu loop, with a watchdog and restarts");
  }

  @Override
  public Receiver create(ComponentSettings settings, Config config, Consumers next) {
    NvidiaSmiConfig smi = NvidiaSmiConfig.from(config);
    return new NvidiaSmiReceiver(smi, settings, next, BinaryLocator.onPath(smi.binary()));
  }
}
