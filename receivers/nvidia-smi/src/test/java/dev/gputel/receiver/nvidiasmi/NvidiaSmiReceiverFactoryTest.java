package dev.gputel.receiver.nvidiasmi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.spi.component.Component;
import dev.gputel.spi.component.ComponentFactory;
import dev.gputel.testing.ComponentContractKit;
import dev.gputel.testing.TelemetrySink;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;

class NvidiaSmiReceiverFactoryTest extends ComponentContractKit {
  private FakeNvidiaSmi fake;

  @BeforeEach
  void installFake() {
    fake = FakeNvidiaSmi.installedIn(stateDirectory);
  }

  @Override
  protected ComponentFactory factory() {
    return new NvidiaSmiReceiverFactory();
  }

  @Override
  protected String configBody() {
    return """
        binary = "%s"
        interval = 50ms
        watchdog-timeout = 2s
        """.formatted(fake.binary);
  }

  @Override
  protected void exercise(Component component, TelemetrySink sink) throws Exception {
    assertThat(sink.awaitMetricBatches(1, Duration.ofSeconds(20)).getFirst().points()).isNotEmpty();
  }
}
