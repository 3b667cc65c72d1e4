package dev.gputel.exporter.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.spi.component.Component;
import dev.gputel.spi.component.ComponentFactory;
import dev.gputel.testing.ComponentContractKit;
import dev.gputel.testing.ManualClock;
import dev.gputel.testing.TelemetrySink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import org.junit.jupiter.api.AfterEach;

class CloudWatchExporterFactoryTest extends ComponentContractKit {
  static {
    // The contract kit starts the exporter: the SDK's default chain finds these.
    System.setProperty("aws.accessKeyId", "AKIAIOSFODNN7EXAMPLE");
    System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
  }

  private final ManualClock testClock = ManualClock.atFixedStart();
  private final FakeCloudWatch fake;

  CloudWatchExporterFactoryTest() {
    try {
      fake = new FakeCloudWatch(testClock);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @AfterEach
  void stopFake() {
    fake.close();
  }

  @Override
  protected ComponentFactory factory() {
    return new CloudWatchExporterFactory();
  }

  @Override
  protected Clock clock() {
    return testClock;
  }

  @Override
  protected String configBody() {
    return "region = us-east-1, endpoint = \"" + fake.endpoint() + "\"";
  }

  @Override
  protected void exercise(Component component, TelemetrySink sink) throws Exception {
    super.exercise(component, sink);
    assertThat(fake.received()).hasSize(2);
    assertThat(fake.violations()).isEmpty();
  }
}
