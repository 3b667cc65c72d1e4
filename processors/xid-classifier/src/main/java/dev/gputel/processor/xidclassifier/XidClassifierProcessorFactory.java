package dev.gputel.processor.xidclassifier;

import com.typesafe.config.Config;
import dev.gputel.spi.component.AbstractComponentFactory;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.Stability;
import dev.gputel.spi.data.Signal;
import dev.gputel.spi.processor.Processor;
import dev.gputel.spi.processor.ProcessorFactory;
import dev.gputel.xid.GpuIdentitySource;
import java.util.Set;
import org.pf4j.Extension;

/** Creates {@code xid-classifier} processors. */
@Extension
public final class XidClassifierProcessorFactory extends AbstractComponentFactory implements ProcessorFactory {
  public XidClassifierProcessorFactory() {
    super("xid-classifier", Stability.ALPHA, Set.of(Signal.EVENTS),
        "Classifies NVIDIA Xid and SXid events: catalog, severity policy, GPU identity, bursts, counts");
  }

  @Override
  public Processor create(ComponentSettings settings, Config config) {
    // No GPU metrics receiver shares its identities with processors yet; the processor learns them
    // from the driver's "GPU at PCI" lines and the gpus setting meanwhile.
    return new XidClassifierProcessor(XidClassifierConfig.from(config), settings, GpuIdentitySource.none());
  }
}
