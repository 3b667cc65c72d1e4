package dev.gputel.exporter.cloudwatchemf;

import static dev.gputel.exporter.cloudwatchemf.EmfEncoderTest.GPU0;
import static dev.gputel.exporter.cloudwatchemf.EmfEncoderTest.GPU1;
import static dev.gputel.exporter.cloudwatchemf.EmfEncoderTest.T;
import static dev.gputel.exporter.cloudwatchemf.EmfEncoderTest.dimensionSets;
import static dev.gputel.exporter.cloudwatchemf.EmfEncoderTest.metricNames;
import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.spi.data.Resource;
import dev.gputel.testing.RecordingTelemetry;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** aggregation-dimensions and drop-original-metrics, with the CloudWatch agent's rules. */
class RollupTest {
  private static final Resource EC2 = new Resource(Attributes.builder().put("host.name", "ip-10-0-0-1")
      .put("host.id", "i-0123456789abcdef0").put("host.type", "p5.48xlarge").build());
  private static final String APPEND = "append-dimensions { InstanceId = \"${aws:InstanceId}\","
      + " InstanceType = \"${aws:InstanceType}\", AutoScalingGroupName = \"${aws:AutoScalingGroupName}\" }";

  private final RecordingTelemetry telemetry = new RecordingTelemetry();

  @Test
  void aRollupApplieswhenItIsSmallerThanTheDatumsSetAndFullyPresent() {
    String body = "dimensions = [index, name, arch], " + APPEND + ", aggregation-dimensions = ["
        + "[InstanceId], [InstanceType, InstanceId], [InstanceId, InstanceType], [AutoScalingGroupName],"
        + " [index, name, InstanceId, InstanceType], [index, name, arch, InstanceId, InstanceType], []]";

    List<JsonNode> documents = EmfSchema.assertValid(Emf.encode(body, telemetry, new MetricBatch(EC2, List.of(
        MetricPoint.gauge("utilization_gpu", 1, "%", T, GPU0), MetricPoint.gauge("utilization_gpu", 2, "%", T, GPU1)))));

    // GPU 0 has no arch: its own set has 4 keys, so the 4-key rollup is not smaller and is skipped.
    assertThat(dimensionSets(documents.get(0))).containsExactly(
        List.of("index", "name", "InstanceId", "InstanceType"),
        List.of("InstanceId"), List.of("InstanceId", "InstanceType"), List.of());
    // GPU 1 has arch: 5 keys; the 4-key rollup applies, the 5-key one is the same size and does not.
    // Its keys come sorted, as the agent's GetUniqueRollupList leaves them. No ASG: not in any set.
    assertThat(dimensionSets(documents.get(1))).containsExactly(
        List.of("index", "name", "arch", "InstanceId", "InstanceType"),
        List.of("InstanceId"), List.of("InstanceId", "InstanceType"),
        List.of("InstanceId", "InstanceType", "index", "name"), List.of());
  }

  @Test
  void droppedOriginalsArePublishedOnlyThroughTheirRollups() {
    String body = APPEND + ", aggregation-dimensions = [[InstanceId]],"
        + " drop-original-metrics = [utilization_gpu, nvidia_smi_power_draw]";

    JsonNode document = EmfSchema.assertValid(Emf.encode(body, telemetry, new MetricBatch(EC2, List.of(
        MetricPoint.gauge("utilization_gpu", 1, "%", T, GPU0), MetricPoint.gauge("power_draw", 70, "W", T, GPU0),
        MetricPoint.gauge("memory_used", 5, "MiBy", T, GPU0)))).getFirst());

    JsonNode directives = document.get("_aws").get("CloudWatchMetrics");
    assertThat(directives).hasSize(2);
    assertThat(directives.get(0).get("Dimensions").toString())
        .isEqualTo("[[\"host\",\"index\",\"name\",\"InstanceId\",\"InstanceType\"],[\"InstanceId\"]]");
    assertThat(directives.get(0).get("Metrics").findValuesAsString("Name")).containsExactly("nvidia_smi_memory_used");
    assertThat(directives.get(1).get("Dimensions").toString()).isEqualTo("[[\"InstanceId\"]]");
    assertThat(directives.get(1).get("Metrics").findValuesAsString("Name"))
        .containsExactly("nvidia_smi_utilization_gpu", "nvidia_smi_power_draw");
  }

  @Test
  void aDroppedOriginalWithNoRollupThatAppliesIsNotPublished() {
    // No InstanceId on this resource, so the [InstanceId] rollup never applies.
    String body = APPEND + ", aggregation-dimensions = [[InstanceId]], drop-original-metrics = [\"*\"]";

    List<String> documents = Emf.encode(body, telemetry, new MetricBatch(Resource.empty(),
        List.of(MetricPoint.gauge("utilization_gpu", 1, "%", T, GPU0))));

    assertThat(documents).isEmpty();
  }

  @Test
  void withoutRollupsEachMetricHasItsOwnSetOnly() {
    JsonNode document = EmfSchema.assertValid(Emf.encode(APPEND, telemetry,
        new MetricBatch(EC2, List.of(MetricPoint.gauge("utilization_gpu", 1, "%", T, GPU0)))).getFirst());

    assertThat(dimensionSets(document)).containsExactly(List.of("host", "index", "name", "InstanceId", "InstanceType"));
    assertThat(metricNames(document)).containsExactly("nvidia_smi_utilization_gpu");
  }
}
