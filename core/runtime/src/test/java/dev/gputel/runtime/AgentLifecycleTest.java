package dev.gputel.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.runtime.testcomponents.RecordingExporterFactory.Recording;
import dev.gputel.runtime.testcomponents.TestComponents;
import dev.gputel.spi.consumer.RefusedException;
import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.spi.data.Resource;
import dev.gputel.spi.data.Severity;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentLifecycleTest {
  @TempDir Path data;

  @Test
  void exportersStartFirstAndReceiversStopFirst() throws Exception {
    TestComponents components = new TestComponents();
    Agent agent = components.start(config("", "tag", "recording { }"), AgentContext.create(e -> { }));
    agent.shutdown();
    agent.shutdown(); // twice is harmless

    List<String> entries = components.log.entries();
    // Validation creates each component once and shuts it down unstarted; the run starts after that.
    assertThat(entries.subList(entries.indexOf("start exporter recording"), entries.size())).containsExactly(
        "start exporter recording", "start processor tag", "start receiver test-source",
        "shutdown receiver test-source", "shutdown processor tag", "shutdown exporter recording");
    assertThat(agent.state()).isEqualTo(Agent.State.STOPPED);
  }

  @Test
  void shutdownSendsWhatIsQueuedBeforeReturning() throws Exception {
    TestComponents components = new TestComponents();
    Agent agent = components.start(config("shutdown-timeout = 30s", "", "recording { behaviour = slow }"),
        AgentContext.create(e -> { }));
    for (int i = 0; i < 50; i++) {
      components.sources.next("test-source").metrics().consume(metrics(i));
    }
    Recording exporter = components.exporters.exporter("recording");
    assertThat(exporter.received()).hasSizeLessThan(50); // 10 ms each: most are still queued

    agent.shutdown();

    assertThat(exporter.received()).hasSize(50);
  }

  @Test
  void shutdownGivesUpAtTheDeadlineAndCountsWhatItDropped() throws Exception {
    TestComponents components = new TestComponents();
    AgentContext context = AgentContext.create(e -> { });
    Agent agent = components.start(config("shutdown-timeout = 200ms", "", "recording { behaviour = block }"), context);
    for (int i = 0; i < 10; i++) {
      components.sources.next("test-source").metrics().consume(metrics(i));
    }
    long started = System.nanoTime();

    agent.shutdown();

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    assertThat(context.telemetry().value("gputel_exporter_dropped_items_total",
        Map.of("exporter", "recording", "signal", "metrics", "reason", "shutdown"))).isEqualTo(10);
  }

  @Test
  void spooledEventsWaitOnDiskUntilTheExporterDeliversThem() throws Exception {
    String spool = "spool { enabled = true, segment-size = 64KiB }, retry.initial-interval = 10ms";
    TestComponents first = new TestComponents();
    Agent failing = first.start(config("shutdown-timeout = 100ms", "",
        "recording { behaviour = retryable, " + spool + " }", "events"), AgentContext.create(e -> { }));
    for (int i = 0; i < 20; i++) {
      first.sources.next("test-source").events().consume(events(i));
    }
    failing.shutdown();
    assertThat(first.exporters.exporter("recording").received()).isEmpty();

    TestComponents second = new TestComponents();
    AgentContext context = AgentContext.create(e -> { });
    Agent healthy = second.start(config("", "", "recording { " + spool + " }", "events"), context);
    try {
      Recording exporter = second.exporters.exporter("recording");
      assertThat(exporter.awaitReceived(20, 10_000)).isTrue();
      assertThat(exporter.received()).extracting(b -> ((EventBatch) b).events().getFirst().id())
          .containsExactlyElementsOf(java.util.stream.IntStream.range(0, 20).mapToObj(i -> "event-" + i).toList());
      // The exporter has the batch a moment before the runtime counts it as sent.
      Awaitility.await().untilAsserted(() -> assertThat(context.telemetry().value(
          "gputel_exporter_sent_items_total", Map.of("exporter", "recording", "signal", "events"))).isEqualTo(20));
    } finally {
      healthy.shutdown();
    }
    TestComponents third = new TestComponents();
    Agent again = third.start(config("", "", "recording { " + spool + " }", "events"), AgentContext.create(e -> { }));
    try {
      // The spool is first in, first out: anything sent twice would arrive before this new event.
      third.sources.next("test-source").events().consume(events(20));
      Recording exporter = third.exporters.exporter("recording");
      assertThat(exporter.awaitReceived(1, 10_000)).isTrue();
      assertThat(exporter.received()).extracting(b -> ((EventBatch) b).events().getFirst().id())
          .containsExactly("event-20");
    } finally {
      again.shutdown();
    }
  }

  @Test
  void aFullSpoolRefusesAndTheReceiverIsTold() throws Exception {
    TestComponents components = new TestComponents();
    AgentContext context = AgentContext.create(e -> { });
    Agent agent = components.start(config("shutdown-timeout = 100ms", "",
        "recording { behaviour = block, spool { enabled = true, max-size = 8KiB, segment-size = 4KiB } }",
        "events"), context);
    try {
      int refused = 0;
      for (int i = 0; i < 100; i++) {
        try {
          components.sources.next("test-source").events().consume(events(i));
        } catch (RefusedException e) {
          refused++;
          assertThat(e.getMessage()).contains("is full");
        }
      }
      assertThat(refused).isPositive();
      assertThat(context.telemetry().value("gputel_receiver_refused_items_total",
          Map.of("receiver", "test-source", "signal", "events"))).isEqualTo(refused);
      assertThat(context.telemetry().value("gputel_exporter_refused_items_total",
          Map.of("exporter", "recording", "signal", "events"))).isEqualTo(refused);
      assertThat(context.telemetry().value("gputel_exporter_spool_bytes", Map.of("exporter", "recording")))
          .isLessThanOrEqualTo(8 * 1024);
    } finally {
      agent.shutdown();
    }
  }

  @Test
  void aProcessorCanDropABatch() throws Exception {
    TestComponents components = new TestComponents();
    AgentContext context = AgentContext.create(e -> { });
    Agent agent = components.start(config("", "tag", "recording { }"), context);
    try {
      var gpu = Attributes.empty();
      components.sources.next("test-source").metrics().consume(new MetricBatch(Resource.empty(),
          List.of(MetricPoint.gauge("drop-me", 1, "1", Instant.EPOCH, gpu))));
      components.sources.next("test-source").metrics().consume(metrics(1));
      assertThat(components.exporters.exporter("recording").awaitReceived(1, 5_000)).isTrue();
      assertThat(context.telemetry().value("gputel_processor_dropped_items_total",
          Map.of("processor", "tag", "pipeline", "metrics", "signal", "metrics"))).isEqualTo(1);
    } finally {
      agent.shutdown();
    }
    assertThat(components.exporters.exporter("recording").received()).hasSize(1);
  }

  private String config(String service, String processor, String exporter) {
    return config(service, processor, exporter, "metrics");
  }

  private String config(String service, String processor, String exporter, String signal) {
    String exporterId = exporter.substring(0, exporter.indexOf(' '));
    return """
        gputel {
          service { data-directory = "%s", admin.enabled = false, %s }
          receivers { test-source { } }
          %s
          exporters { %s }
          pipelines { %s { receivers = [test-source], %s exporters = [%s] } }
        }
        """.formatted(data, service, processor.isEmpty() ? "" : "processors { " + processor + " { } }",
        exporter, signal, processor.isEmpty() ? "" : "processors = [" + processor + "],", exporterId);
  }

  private static MetricBatch metrics(int sequence) {
    return new MetricBatch(Resource.empty(), List.of(MetricPoint.gauge("utilization_gpu", sequence, "%",
        Instant.parse("2026-01-01T00:00:00Z"), Attributes.empty())));
  }

  private static EventBatch events(int sequence) {
    return new EventBatch(Resource.empty(), List.of(new Event(Instant.parse("2026-01-01T00:00:00Z"),
        Severity.WARN, "NVRM: Xid (PCI:0000:3b:00): 13, line " + sequence, Attributes.empty(), "event-" + sequence)));
  }
}
