package dev.gputel.processor.resourcedetection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.spi.component.Component;
import dev.gputel.spi.component.ComponentFactory;
import dev.gputel.spi.processor.Processor;
import dev.gputel.testing.ComponentContractKit;
import dev.gputel.testing.TelemetrySink;
import java.time.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

class ResourceDetectionProcessorFactoryTest extends ComponentContractKit {
  // A local IMDS: the contract's processors must not reach for the real link-local address.
  private static FakeImds imds;

  @BeforeAll
  static void startImds() throws Exception {
    imds = new FakeImds(Clock.systemUTC());
  }

  @AfterAll
  static void stopImds() {
    imds.close();
  }

  @Override
  protected ComponentFactory factory() {
    return new ResourceDetectionProcessorFactory();
  }

  @Override
  protected String configBody() {
    return "ec2.endpoint = \"" + imds.endpoint() + "\"\nec2.timeout = 5s\nstartup-wait = 20s\nattributes { InstanceType = \"${aws:InstanceType}\" }";
  }

  @Override
  protected void exercise(Component component, TelemetrySink sink) {
    Processor processor = (Processor) component;
    assertThat(processor.processMetrics(sampleMetrics()).resource().attributes().asMap())
        .containsEntry("host.id", "i-0f1e2d3c4b5a69788")
        .containsEntry("InstanceType", "g5.12xlarge")
        .containsEntry("host.name", "test-host");
    assertThat(processor.processEvents(sampleEvents()).resource().attributes().getString("cloud.region"))
        .isEqualTo("us-west-2");
  }
}
