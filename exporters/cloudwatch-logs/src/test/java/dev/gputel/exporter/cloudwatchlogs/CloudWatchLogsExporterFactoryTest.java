package dev.gputel.exporter.cloudwatchlogs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.spi.component.Component;
import dev.gputel.spi.component.ComponentFactory;
import dev.gputel.testing.ComponentContractKit;
import dev.gputel.testing.ManualClock;
import dev.gputel.testing.TelemetrySink;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The component contract with the factory's own client: SDK default credential chain (here from
 * system properties, the chain's second link), explicit region and endpoint (the fake service).
 */
class CloudWatchLogsExporterFactoryTest extends ComponentContractKit {
  private static FakeCloudWatchLogs fake;

  @BeforeAll
  static void startFake() throws Exception {
    System.setProperty("aws.accessKeyId", "AKIAIOSFODNN7EXAMPLE");
    System.setProperty("aws.secretAccessKey", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
    fake = new FakeCloudWatchLogs(ManualClock.atFixedStart()::instant);
  }

  @AfterAll
  static void stopFake() {
    fake.close();
    System.clearProperty("aws.accessKeyId");
    System.clearProperty("aws.secretAccessKey");
  }

  @Override
  protected ComponentFactory factory() {
    return new CloudWatchLogsExporterFactory();
  }

  @Override
  protected String configBody() {
    return "region = us-east-1, endpoint = \"" + fake.endpoint() + "\", log-stream-name = \"{hostname}-{date}\"";
  }

  @Override
  protected void exercise(Component component, TelemetrySink sink) throws Exception {
    int before = fake.stored().size();
    super.exercise(component, sink);
    assertThat(fake.stored()).hasSize(before + 1);
    assertThat(fake.violations()).isEmpty();
  }
}
