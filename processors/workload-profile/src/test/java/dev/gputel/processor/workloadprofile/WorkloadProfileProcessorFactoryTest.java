package dev.gputel.processor.workloadprofile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.spi.component.Component;
import dev.gputel.spi.component.ComponentFactory;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.spi.processor.Processor;
import dev.gputel.testing.ComponentContractKit;
import dev.gputel.testing.TelemetrySink;

class WorkloadProfileProcessorFactoryTest extends ComponentContractKit {
  @Override
  protected ComponentFactory factory() {
    return new WorkloadProfileProcessorFactory();
  }

  @Override
  protected void exercise(Component component, TelemetrySink sink) {
    // The sample has utilization_gpu, which compute keeps, and temperature_gpu, which it drops.
    assertThat(((Processor) component).processMetrics(sampleMetrics()).points())
        .extracting(MetricPoint::name).containsExactly("utilization_gpu");
    assertThat(telemetry.count("filtered_points")).isEqualTo(1);
  }
}
