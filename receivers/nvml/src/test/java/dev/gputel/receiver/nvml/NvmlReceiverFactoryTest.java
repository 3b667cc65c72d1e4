package dev.gputel.receiver.nvml;

import static dev.gputel.receiver.nvml.Collections.byGpu;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.spi.component.Component;
import dev.gputel.spi.component.ComponentFactory;
import dev.gputel.testing.ComponentContractKit;
import dev.gputel.testing.TelemetrySink;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;

class NvmlReceiverFactoryTest extends ComponentContractKit {
  @BeforeEach
  void eightGpus() {
    FakeNvml.CURRENT.reset(8);
  }

  @Override
  protected ComponentFactory factory() {
    return new NvmlReceiverFactory();
  }

  @Override
  protected String configBody() {
    return """
        library = "%s"
        interval = 10ms
        """.formatted(FakeNvml.CURRENT.path());
  }

  @Override
  protected void exercise(Component component, TelemetrySink sink) throws Exception {
    assertThat(byGpu(sink.awaitMetricBatches(1, Duration.ofSeconds(10)).getFirst())).hasSize(8)
        .allSatisfy((gpu, values) -> assertThat(values).containsKeys("utilization_gpu", "memory_used"));
    // Events are on by default, and the kit's consumers take them.
    EventReceivers.awaitRegistered(FakeNvml.CURRENT, 0);
    FakeNvml.CURRENT.pushEvent(0, NvmlEventType.XID_CRITICAL_ERROR, 79, -1, -1);
    assertThat(sink.awaitEvents(1, Duration.ofSeconds(10)).getFirst().attributes().get("xid.code")).isEqualTo(79L);
  }
}
