package dev.gputel.exporter.debug;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import dev.gputel.spi.component.ComponentId;
import dev.gputel.spi.component.ComponentKind;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.spi.data.Resource;
import dev.gputel.spi.data.Severity;
import dev.gputel.testing.ManualClock;
import dev.gputel.testing.RecordingTelemetry;
import dev.gputel.testing.TestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DebugExporterTest {
  private static final Instant T = Instant.parse("2026-07-14T08:12:53.353Z");
  private static final Attributes GPU = Attributes.builder().put("gpu.index", 0L)
      .put("hw.model", "NVIDIA H100 80GB HBM3").build();
  private static final MetricBatch METRICS = new MetricBatch(new Resource(Attributes.of("host.name", "gpu-1")),
      List.of(MetricPoint.gauge("utilization_gpu", 100, "%", T, GPU), MetricPoint.gauge("power_draw", 631.95, "W", T, GPU)));
  private static final EventBatch EVENTS = new EventBatch(Resource.empty(), List.of(new Event(T, Severity.WARN,
      "NVRM: Xid (PCI:0000:91:00): 79, pid='<unknown>', name=<unknown>, GPU has fallen off the bus.",
      Attributes.of("log.file.line", 24L), "e1")));

  @TempDir Path directory;

  @Test
  void jsonLinesCarryEachPointAndEventWithItsResource() throws Exception {
    Path out = directory.resolve("sub/out.jsonl");
    DebugExporter exporter = exporter("output = file, path = \"%s\", format = json".formatted(out));
    exporter.start(new TestHost());
    exporter.exportMetrics(METRICS);
    exporter.exportEvents(EVENTS);
    exporter.shutdown();

    assertThat(Files.readAllLines(out)).containsExactly(
        "{\"signal\":\"metrics\",\"name\":\"utilization_gpu\",\"value\":100.0,\"unit\":\"%\",\"kind\":\"gauge\","
            + "\"timestamp\":\"2026-07-14T08:12:53.353Z\",\"attributes\":{\"gpu.index\":0,\"hw.model\":\"NVIDIA H100 80GB HBM3\"},"
            + "\"resource\":{\"host.name\":\"gpu-1\"}}",
        "{\"signal\":\"metrics\",\"name\":\"power_draw\",\"value\":631.95,\"unit\":\"W\",\"kind\":\"gauge\","
            + "\"timestamp\":\"2026-07-14T08:12:53.353Z\",\"attributes\":{\"gpu.index\":0,\"hw.model\":\"NVIDIA H100 80GB HBM3\"},"
            + "\"resource\":{\"host.name\":\"gpu-1\"}}",
        "{\"signal\":\"events\",\"timestamp\":\"2026-07-14T08:12:53.353Z\",\"severity\":\"WARN\","
            + "\"body\":\"NVRM: Xid (PCI:0000:91:00): 79, pid='<unknown>', name=<unknown>, GPU has fallen off the bus.\","
            + "\"id\":\"e1\",\"attributes\":{\"log.file.line\":24},\"resource\":{}}");
  }

  @Test
  void detailedTextShowsEveryPointAndBasicOnlyTheSummary() throws Exception {
    Path detailed = directory.resolve("detailed.txt");
    Path basic = directory.resolve("basic.txt");
    for (Path path : List.of(detailed, basic)) {
      DebugExporter exporter = exporter("output = file, path = \"%s\", verbosity = %s"
          .formatted(path, path == detailed ? "detailed" : "basic"));
      exporter.start(new TestHost());
      exporter.exportMetrics(METRICS);
      exporter.shutdown();
    }

    assertThat(Files.readAllLines(detailed)).containsExactly(
        "metrics: 2 point(s) resource{host.name=gpu-1}",
        "  utilization_gpu{gpu.index=0, hw.model=NVIDIA H100 80GB HBM3} 100 % gauge @ 2026-07-14T08:12:53.353Z",
        "  power_draw{gpu.index=0, hw.model=NVIDIA H100 80GB HBM3} 631.95 W gauge @ 2026-07-14T08:12:53.353Z");
    assertThat(Files.readAllLines(basic)).containsExactly("metrics: 2 point(s) resource{host.name=gpu-1}");
  }

  @Test
  void aFileOutputWithoutAPathIsRejected() {
    assertThatThrownBy(() -> exporter("output = file")).isInstanceOf(ConfigException.BadValue.class)
        .hasMessageContaining("output = file needs a path");
  }

  @Test
  void anUnknownFormatNamesTheChoices() {
    assertThatThrownBy(() -> exporter("format = yaml")).hasMessageContaining("'yaml' is not one of text, json");
  }

  private DebugExporter exporter(String body) {
    var config = ConfigFactory.parseString(body)
        .withFallback(ConfigFactory.parseResources("reference.conf").getConfig("gputel.exporters.debug")).resolve();
    return new DebugExporter(DebugConfig.from(config), new ComponentSettings(
        new ComponentId(ComponentKind.EXPORTER, "debug", ""), new RecordingTelemetry(),
        ManualClock.atFixedStart(), directory, "test"));
  }
}
