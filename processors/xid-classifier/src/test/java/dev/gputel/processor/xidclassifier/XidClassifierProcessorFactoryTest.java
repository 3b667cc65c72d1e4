package dev.gputel.processor.xidclassifier;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.spi.component.Component;
import dev.gputel.spi.component.ComponentFactory;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.Severity;
import dev.gputel.spi.processor.Processor;
import dev.gputel.testing.ComponentContractKit;
import dev.gputel.testing.TelemetrySink;
import java.util.Map;

class XidClassifierProcessorFactoryTest extends ComponentContractKit {
  @Override
  protected ComponentFactory factory() {
    return new XidClassifierProcessorFactory();
  }

  @Override
  protected void exercise(Component component, TelemetrySink sink) {
    Event event = ((Processor) component).processEvents(sampleEvents()).events().getFirst();

    assertThat(event.severity()).isEqualTo(Severity.FATAL);
    assertThat(event.attributes().asMap()).containsAllEntriesOf(Map.of("xid.code", 79L, "xid.action.immediate", "RESTART_BM",
        "process.pid", 1234L, "process.executable.name", "python"));
    assertThat(telemetry.count("xid_events", Map.of("gpu_pci_bus_id", "00000000:3B:00.0", "xid", "79", "severity", "FATAL")))
        .isEqualTo(1);
  }
}
