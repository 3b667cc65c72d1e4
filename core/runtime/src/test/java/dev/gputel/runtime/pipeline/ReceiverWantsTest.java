package dev.gputel.runtime.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.runtime.Agent;
import dev.gputel.runtime.AgentContext;
import dev.gputel.runtime.testcomponents.RecordingExporterFactory.Recording;
import dev.gputel.runtime.testcomponents.TestComponents;
import dev.gputel.spi.consumer.Consumers;
import dev.gputel.spi.consumer.MetricsConsumer;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A receiver learns the union of the metric names its pipelines keep, and nothing more, and whether
 * any pipeline takes its events.
 */
class ReceiverWantsTest {
  @TempDir Path data;
  private final TestComponents components = new TestComponents();
  private Agent agent;

  @AfterEach
  void stop() {
    if (agent != null) {
      agent.shutdown();
    }
  }

  @Test
  void twoPipelinesWithDifferentProfilesWantTheUnion() throws Exception {
    MetricsConsumer metrics = start("""
        processors {
          keep/compute { metrics = [utilization_gpu, power_draw] }
          keep/graphics { metrics = [utilization_gpu, clocks_current_graphics] }
        }
        pipelines {
          metrics/compute { receivers = [test-source], processors = [keep/compute], exporters = [recording] }
          metrics/graphics { receivers = [test-source], processors = [keep/graphics], exporters = [recording] }
        }
        """);

    assertThat(metrics.wants("utilization_gpu")).isTrue();
    assertThat(metrics.wants("power_draw")).isTrue();
    assertThat(metrics.wants("clocks_current_graphics")).isTrue();
    assertThat(metrics.wants("temperature_gpu")).isFalse();
  }

  @Test
  void aPipelineWantsAMetricOnlyWhenEveryProcessorKeepsIt() throws Exception {
    MetricsConsumer metrics = start("""
        processors {
          tag { }
          keep/wide { metrics = [utilization_gpu, power_draw] }
          keep/narrow { metrics = [power_draw, temperature_gpu] }
        }
        pipelines {
          metrics { receivers = [test-source], processors = [tag, keep/wide, keep/narrow], exporters = [recording] }
        }
        """);

    assertThat(metrics.wants("power_draw")).isTrue();
    assertThat(metrics.wants("utilization_gpu")).as("dropped by the second keep").isFalse();
    assertThat(metrics.wants("temperature_gpu")).as("dropped by the first keep").isFalse();
  }

  @Test
  void aPipelineWithoutProcessorsWantsEverything() throws Exception {
    MetricsConsumer metrics = start("""
        processors { keep { metrics = [utilization_gpu] } }
        pipelines {
          metrics/kept { receivers = [test-source], processors = [keep], exporters = [recording] }
          metrics/all { receivers = [test-source], exporters = [recording] }
        }
        """);

    assertThat(metrics.wants("temperature_gpu")).isTrue();
    assertThat(metrics.wants("anything_else")).isTrue();
  }

  @Test
  void aReceiverOnlyInEventsPipelinesWantsNoMetric() throws Exception {
    MetricsConsumer metrics = start("""
        pipelines {
          events { receivers = [test-source], exporters = [recording] }
        }
        """);

    assertThat(metrics.wants("utilization_gpu")).isFalse();
  }

  @Test
  void eventsAreWantedOnlyWhenAnEventsPipelineTakesFromTheReceiver() throws Exception {
    start("""
        pipelines {
          metrics { receivers = [test-source], exporters = [recording] }
          events { receivers = [test-source], exporters = [recording] }
        }
        """);
    assertThat(components.sources.next("test-source").events().wanted()).isTrue();
  }

  @Test
  void aReceiverOnlyInMetricsPipelinesWantsNoEvents() throws Exception {
    start("""
        pipelines {
          metrics { receivers = [test-source], exporters = [recording] }
        }
        """);

    assertThat(components.sources.next("test-source").events().wanted()).isFalse();
    assertThat(Consumers.discarding().events().wanted()).as("the SPI's discarding consumer").isFalse();
  }

  @Test
  void whatIsWantedIsWhatArrives() throws Exception {
    MetricsConsumer metrics = start("""
        processors { keep { metrics = [utilization_gpu] } }
        pipelines {
          metrics { receivers = [test-source], processors = [keep], exporters = [recording] }
        }
        """);
    MetricBatch batch = PipelineIsolationTest.batch(0);

    metrics.consume(batch);

    Recording recording = components.exporters.exporter("recording");
    assertThat(recording.awaitReceived(1, 10_000)).isTrue();
    assertThat(((MetricBatch) recording.received().getFirst()).points()).extracting(MetricPoint::name)
        .containsExactlyElementsOf(batch.points().stream().map(MetricPoint::name).filter(metrics::wants).toList())
        .containsExactly("utilization_gpu");
  }

  private MetricsConsumer start(String body) throws Exception {
    agent = components.start("""
        gputel {
          service { data-directory = "%s", admin.enabled = false, shutdown-timeout = 2s }
          receivers { test-source { } }
          exporters { recording { } }
          %s
        }
        """.formatted(data, body), AgentContext.create(Throwable::printStackTrace));
    return components.sources.next("test-source").metrics();
  }
}
