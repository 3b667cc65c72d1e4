package dev.gputel.receiver.emf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.spi.component.Component;
import dev.gputel.spi.component.ComponentFactory;
import dev.gputel.testing.ComponentContractKit;
import dev.gputel.testing.TelemetrySink;
import java.net.Socket;
import java.time.Duration;

class EmfReceiverFactoryTest extends ComponentContractKit {
  @Override
  protected ComponentFactory factory() {
    return new EmfReceiverFactory();
  }

  @Override
  protected String configBody() {
    return """
        tcp = "127.0.0.1:0"
        udp = "127.0.0.1:0"
        """;
  }

  @Override
  protected void exercise(Component component, TelemetrySink sink) throws Exception {
    var address = ((EmfReceiver) component).tcpAddress().orElseThrow();
    try (Socket client = new Socket(address.getAddress(), address.getPort())) {
      Receivers.write(client, Documents.specExample() + "\n");
      assertThat(sink.awaitEvents(1, Duration.ofSeconds(10)).getFirst().body()).isEqualTo(Documents.specExample());
    }
  }
}
