package dev.gputel.receiver.nvml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.spi.consumer.RefusedException;
import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.Severity;
import dev.gputel.testing.RecordingTelemetry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** NVML cannot give an event twice: what the pipelines refuse is offered again, within a bound. */
class EventDeliveryTest {
  private final RecordingTelemetry telemetry = new RecordingTelemetry();
  private final List<EventBatch> accepted = new ArrayList<>();
  private boolean refusing;
  private final EventDelivery delivery = new EventDelivery(batch -> {
    if (refusing) {
      throw new RefusedException("spool full");
    }
    accepted.add(batch);
  }, telemetry.counter("events_dropped", ""), LoggerFactory.getLogger("nvml-test"));

  @Test
  void refusedEventsAreOfferedAgainWithTheNextOnes() {
    refusing = true;
    delivery.deliver(List.of(event(1)));
    delivery.retry();
    assertThat(delivery.pending()).isEqualTo(1);

    refusing = false;
    delivery.deliver(List.of(event(2)));

    assertThat(accepted).singleElement().satisfies(batch ->
        assertThat(batch.events()).extracting(Event::id).containsExactly("e1", "e2"));
    assertThat(delivery.pending()).isZero();
    assertThat(telemetry.count("events_dropped")).isZero();
  }

  @Test
  void beyondTheBoundTheOldestAreDroppedAndCounted() {
    refusing = true;
    delivery.deliver(IntStream.range(0, EventDelivery.MAX_PENDING + 3).mapToObj(EventDeliveryTest::event).toList());

    refusing = false;
    delivery.retry();

    assertThat(telemetry.count("events_dropped")).isEqualTo(3);
    assertThat(accepted.getFirst().events()).hasSize(EventDelivery.MAX_PENDING).first()
        .extracting(Event::id).isEqualTo("e3");
  }

  @Test
  void aPipelineThatFailsOtherwiseDropsTheBatchRatherThanRetryItForever() {
    EventDelivery failing = new EventDelivery(batch -> {
      throw new IllegalStateException("broken processor");
    }, telemetry.counter("events_dropped", ""), LoggerFactory.getLogger("nvml-test"));

    failing.deliver(List.of(event(1), event(2)));

    assertThat(failing.pending()).isZero();
    assertThat(telemetry.count("events_dropped")).isEqualTo(2);
  }

  private static Event event(int n) {
    return new Event(Instant.parse("2026-01-01T00:00:00Z"), Severity.ERROR, "NVML: Xid 13 on GPU 0", Attributes.empty(),
        "e" + n);
  }
}
