package dev.gputel.receiver.kernellog;

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

/** Creates {@code kernel-log} receivers. */
@Extension
public final class KernelLogReceiverFactory extends AbstractComponentFactory implements ReceiverFactory {
  public KernelLogReceiverFactory() {
    super("kernel-log", Stability.BETA, Set.of(Signal.EVENTS),
        "Follows the kernel log (journald, /dev/kmsg or syslog files) for NVIDIA Xid, SXid and other NVRM lines");
  }

  @Override
  public Receiver create(ComponentSettings settings, Config config, Consumers next) {
    return new KernelLogReceiver(KernelLogConfig.from(config), settings, next, SourceSelector.SYSTEM_JOURNALS);
  }
}
