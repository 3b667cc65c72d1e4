package dev.gputel.exporter.otlp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.spi.component.Component;
import dev.gputel.spi.component.ComponentFactory;
import dev.gputel.testing.ComponentContractKit;
import dev.gputel.testing.TelemetrySink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

class OtlpExporterFactoryTest extends ComponentContractKit {
  private OtlpHttpReceiver receiver;

  @BeforeEach
  void startReceiver() throws Exception {
    receiver = OtlpHttpReceiver.start();
  }

  @AfterEach
  void stopReceiver() {
    receiver.close();
  }

  @Override
  protected ComponentFactory factory() {
    return new OtlpExporterFactory();
  }

  @Override
  protected String configBody() {
    return "endpoint = \"" + receiver.endpoint() + "\"";
  }

  @Override
  protected void exercise(Component component, TelemetrySink sink) throws Exception {
    super.exercise(component, sink);
    assertThat(java.util.List.of(receiver.await().path(), receiver.await().path()))
        .containsExactlyInAnyOrder("/v1/metrics", "/v1/logs");
  }
}
