package dev.gputel.receiver.kernellog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.spi.component.Component;
import dev.gputel.spi.component.ComponentFactory;
import dev.gputel.testing.ComponentContractKit;
import dev.gputel.testing.TelemetrySink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;

/** The component contract, with a kmsg stand-in so it runs the same on every machine. */
class KernelLogReceiverFactoryTest extends ComponentContractKit {
  private Path kmsg;

  @BeforeEach
  void standIn() throws Exception {
    Path directory = Files.createDirectories(stateDirectory.resolve("standin"));
    kmsg = Files.writeString(directory.resolve("kmsg"),
        "4,1,49261458,-;NVRM: GPU at 0000:01:00.0 has fallen off the bus.\n6,2,49261465,-;bbswitch: version 0.8\n");
    Files.writeString(directory.resolve("boot_id"), "fad8232d-f454-4a46-841e-80dc2a7e7b7f\n");
    Files.writeString(directory.resolve("uptime"), "60.00 100.00\n");
  }

  @Override
  protected ComponentFactory factory() {
    return new KernelLogReceiverFactory();
  }

  @Override
  protected String configBody() {
    Path directory = stateDirectory.resolve("standin");
    return """
        source = kmsg
        kmsg { path = "%s", boot-id-path = "%s", uptime-path = "%s" }
        """.formatted(directory.resolve("kmsg"), directory.resolve("boot_id"), directory.resolve("uptime"));
  }

  @Override
  protected void exercise(Component component, TelemetrySink sink) throws Exception {
    assertThat(sink.awaitEvents(1, Duration.ofSeconds(30)).getFirst().body())
        .isEqualTo("NVRM: GPU at 0000:01:00.0 has fallen off the bus.");
    assertThat(kmsg).exists();
  }
}
