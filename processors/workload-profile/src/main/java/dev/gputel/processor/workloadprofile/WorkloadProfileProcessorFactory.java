package dev.gputel.processor.workloadprofile;

import com.typesafe.config.Config;
import dev.gputel.spi.component.AbstractComponentFactory;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.Stability;
import dev.gputel.spi.data.Signal;
import dev.gputel.spi.processor.Processor;
import dev.gputel.spi.processor.ProcessorFactory;
import java.util.Set;
import org.pf4j.Extension;

/** Creates {@code workload-profile} processors. */
@Extension
public final class WorkloadProfileProcessorFactory extends AbstractComponentFactory implements ProcessorFactory {
  public WorkloadProfileProcessorFactory() {
    super("workload-profile", Stability.BETA, Set.of(Signal.METRICS),
        "Keeps the GPU metrics a workload needs (compute, graphics, full, custom) and drops the rest");
  }

  @Override
  public Processor create(ComponentSettings settings, Config config) {
    return new WorkloadProfileProcessor(WorkloadProfileConfig.from(config), settings);
  }
}
