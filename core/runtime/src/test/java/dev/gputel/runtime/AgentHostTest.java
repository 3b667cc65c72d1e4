package dev.gputel.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.runtime.testcomponents.TestComponents;
import dev.gputel.spi.component.Host;
import dev.gputel.spi.component.SelfMetric;
import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricKind;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.spi.data.Resource;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The host a component is started with can read the agent's own metrics, as /metrics shows them. */
class AgentHostTest {
  @TempDir Path data;

  @Test
  void anExporterReadsTheAgentsSelfTelemetryThroughItsHost() throws Exception {
    TestComponents components = new TestComponents();
    AgentContext context = AgentContext.create(e -> { });
    Agent agent = components.start("""
        gputel {
          service { data-directory = "%s", admin.enabled = false }
          receivers { test-source { } }
          exporters { recording { } }
          pipelines { metrics { receivers = [test-source], exporters = [recording] } }
        }
        """.formatted(data), context);
    try {
      components.sources.next("test-source").metrics().consume(new MetricBatch(Resource.empty(),
          List.of(MetricPoint.gauge("utilization_gpu", 1, "%", Instant.EPOCH, Attributes.empty()))));
      Host host = components.exporters.exporter("recording").host();
      Map<String, String> sent = Map.of("exporter", "recording", "signal", "metrics");

      Awaitility.await().until(() -> value(host.selfTelemetry(), "gputel_exporter_sent_items_total", sent) == 1);
      List<SelfMetric> metrics = host.selfTelemetry();

      assertThat(metrics).extracting(SelfMetric::name).isSorted().contains("gputel_agent_info");
      SelfMetric info = metrics.stream().filter(m -> m.name().equals("gputel_agent_info")).findFirst().orElseThrow();
      assertThat(info.kind()).isEqualTo(MetricKind.GAUGE);
      assertThat(info.help()).isEqualTo("The running agent's version (always 1)");
      assertThat(info.samples()).containsExactly(
          new SelfMetric.Sample(Map.of("version", AgentVersion.get()), 1));
      SelfMetric sentItems = metrics.stream()
          .filter(m -> m.name().equals("gputel_exporter_sent_items_total")).findFirst().orElseThrow();
      assertThat(sentItems.kind()).isEqualTo(MetricKind.COUNTER);
    } finally {
      agent.shutdown();
    }
  }

  private static double value(List<SelfMetric> metrics, String name, Map<String, String> labels) {
    return metrics.stream().filter(m -> m.name().equals(name)).flatMap(m -> m.samples().stream())
        .filter(s -> s.labels().equals(labels)).mapToDouble(SelfMetric.Sample::value).findFirst().orElse(Double.NaN);
  }
}
