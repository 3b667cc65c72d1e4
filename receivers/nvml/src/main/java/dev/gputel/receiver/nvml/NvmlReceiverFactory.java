package dev.gputel.receiver.nvml;

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

/** Creates {@code nvml} receivers. */
@Extension
public final class NvmlReceiverFactory extends AbstractComponentFactory implements ReceiverFactory {
  public NvmlReceiverFactory() {
    super("nvml", Stability.ALPHA, Set.of(Signal.METRICS, Signal.EVENTS),
        "Reads GPU metrics and fault events (Xid, ECC) from the NVIDIA Management Library (libnvidia-ml)");
  }

  @Override
  public Receiver create(ComponentSettings settings, Config config, Consumers next) {
    return new NvmlReceiver(NvmlConfig.from(config), settings, next);
  }
}
