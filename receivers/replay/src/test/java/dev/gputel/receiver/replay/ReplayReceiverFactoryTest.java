package dev.gputel.receiver.replay;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.spi.component.Component;
import dev.gputel.spi.component.ComponentFactory;
import dev.gputel.testing.ComponentContractKit;
import dev.gputel.testing.TelemetrySink;
import java.time.Duration;

class ReplayReceiverFactoryTest extends ComponentContractKit {
  @Override
  protected ComponentFactory factory() {
    return new ReplayReceiverFactory();
  }

  @Override
  protected String configBody() {
    return """
        metrics-files = ["%s"]
        log-files = ["%s"]
        interval = 10ms
        """.formatted(Captures.H100_LOAD.toAbsolutePath(), Captures.XID_LINES.toAbsolutePath());
  }

  @Override
  protected void exercise(Component component, TelemetrySink sink) throws Exception {
    assertThat(sink.awaitMetricBatches(1, Duration.ofSeconds(10)).getFirst().points()).isNotEmpty();
    assertThat(sink.awaitEvents(1, Duration.ofSeconds(10)).getFirst().body())
        .isEqualTo("[   49.261458] NVRM: GPU at 0000:01:00.0 has fallen off the bus.");
  }
}
