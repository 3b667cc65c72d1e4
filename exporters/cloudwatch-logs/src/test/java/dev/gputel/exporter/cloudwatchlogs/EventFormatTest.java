package dev.gputel.exporter.cloudwatchlogs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.Resource;
import dev.gputel.spi.data.Severity;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventFormatTest {
  private final Event event = XidEvents.event("kern-1", Instant.parse("2026-03-02T10:00:00.123Z"), 2, 4242);

  @Test
  void jsonIsOneFlatObjectWithTheClassifiedFieldsAndTheResource() throws Exception {
    String message = new EventFormat(CloudWatchLogsConfig.Format.JSON).message(event, XidEvents.HOST);
    assertThat(message).doesNotContain("\n");
    JsonNode json = new ObjectMapper().readTree(message);
    assertThat(json.path("time").asText()).isEqualTo("2026-03-02T10:00:00.123Z");
    assertThat(json.path("severity").asText()).isEqualTo("FATAL");
    assertThat(json.path("event.id").asText()).isEqualTo("kern-1");
    assertThat(json.path("xid.code").isNumber()).isTrue();
    assertThat(json.path("xid.known").isBoolean()).isTrue();
    assertThat(json.path("gpu.index").asLong()).isEqualTo(2);
    assertThat(json.path("process.pid").asLong()).isEqualTo(4242);
    assertThat(json.path("xid.action.immediate").asText()).isEqualTo("RESET_GPU");
    assertThat(json.path("host.id").asText()).isEqualTo("i-0abc1234def567890");
  }

  @Test
  void anEventAttributeWinsOverAResourceAttributeOfTheSameName() throws Exception {
    Event own = new Event(Instant.EPOCH, Severity.INFO, "x", Attributes.of("host.name", "mine"), "1");
    String message = new EventFormat(CloudWatchLogsConfig.Format.JSON).message(own, XidEvents.HOST);
    assertThat(message).containsOnlyOnce("host.name");
    assertThat(new ObjectMapper().readTree(message).path("host.name").asText()).isEqualTo("mine");
  }

  @Test
  void rawIsTheKernelLineWithoutItsLineEnd() {
    Event line = new Event(Instant.EPOCH, Severity.ERROR,
        "[ 1234.567890] NVRM: Xid (PCI:0000:3b:00): 79, GPU has fallen off the bus.\n", Attributes.empty(), "1");
    assertThat(new EventFormat(CloudWatchLogsConfig.Format.RAW).message(line, Resource.empty()))
        .isEqualTo("[ 1234.567890] NVRM: Xid (PCI:0000:3b:00): 79, GPU has fallen off the bus.");
  }
}
