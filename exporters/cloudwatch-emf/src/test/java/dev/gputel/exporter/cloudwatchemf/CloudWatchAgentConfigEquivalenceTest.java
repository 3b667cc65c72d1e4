package dev.gputel.exporter.cloudwatchemf;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.gputel.processor.workloadprofile.WorkloadProfileProcessorFactory;
import dev.gputel.spi.component.ComponentId;
import dev.gputel.spi.component.ComponentKind;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.spi.data.Resource;
import dev.gputel.spi.processor.Processor;
import dev.gputel.testing.ManualClock;
import dev.gputel.testing.RecordingTelemetry;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The CloudWatch agent configuration of AWS's GPU AMI pipeline, written in gputel's HOCON, publishes
 * the same namespace, metric names, dimension sets and units as the agent would, for real captured
 * GPUs with and without a known architecture, in and out of an Auto Scaling group.
 */
class CloudWatchAgentConfigEquivalenceTest {
  private static final Instant T = Instant.parse("2026-07-14T08:12:53Z");
  private static final Map<String, String> EC2 = Map.of(
      "InstanceId", "i-0123456789abcdef0", "ImageId", "ami-0abcdef1234567890", "InstanceType", "p5.48xlarge");

  @TempDir Path state;

  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void theHoconConfigurationPublishesWhatTheAgentPublishes(boolean inAutoScalingGroup) throws Exception {
    Map<String, String> ec2 = new HashMap<>(EC2);
    Attributes.Builder resource = Attributes.builder().put("host.name", "ip-10-0-0-1")
        .put("host.id", ec2.get("InstanceId")).put("host.image.id", ec2.get("ImageId"))
        .put("host.type", ec2.get("InstanceType"));
    if (inAutoScalingGroup) {
      ec2.put("AutoScalingGroupName", "gpu-fleet");
      resource.put("aws.autoscaling.group.name", "gpu-fleet");
    }
    Config hocon = ConfigFactory.parseResources("emf/cwagent-gpu-config.conf")
        .withFallback(ConfigFactory.parseResources("reference.conf")).resolve();
    Processor profile = new WorkloadProfileProcessorFactory().create(settings(ComponentKind.PROCESSOR, "workload-profile"),
        hocon.getConfig("gputel.processors.workload-profile"));
    EmfConfig emf = EmfConfig.from(hocon.getConfig("gputel.exporters.cloudwatch-emf"));
    EmfEncoder encoder = new EmfEncoder(emf, "unused", new Drops(new RecordingTelemetry()), emf.maxDocumentBytes());
    CloudWatchAgentModel agent = new CloudWatchAgentModel(agentConfig());

    // An H100 whose architecture is known (as NVML reports it; the agent reads it from XML schema v12)
    // and a GeForce RTX 2080 SUPER whose architecture is not (as from nvidia-smi CSV, or XML schema v11).
    Set<CloudWatchAgentModel.Published> ours = new LinkedHashSet<>();
    Set<CloudWatchAgentModel.Published> agents = new LinkedHashSet<>();
    for (Path capture : List.of(Captures.H100_LOAD, Captures.RTX_2080_LOAD)) {
      boolean hopper = capture == Captures.H100_LOAD;
      for (MetricBatch batch : Captures.batches(capture, new Resource(resource.build()), T)) {
        MetricBatch kept = profile.processMetrics(hopper ? withArchitecture(batch, "Hopper") : batch);
        for (byte[] bytes : encoder.encode(kept)) {
          JsonNode document = EmfSchema.assertValid(new String(bytes, StandardCharsets.UTF_8));
          ours.addAll(published(document));
          Map<String, String> gpuTags = new HashMap<>(Map.of("index", document.get("index").asString(),
              "name", document.get("name").asString()));
          if (hopper) {
            gpuTags.put("arch", "Hopper");
          }
          agents.addAll(agent.publish(gpuTags, ec2));
        }
      }
    }

    assertThat(ours).isNotEmpty().containsExactlyInAnyOrderElementsOf(agents);
    Set<String> full = new HashSet<>(Set.of("index", "name", "ImageId", "InstanceId", "InstanceType"));
    if (inAutoScalingGroup) {
      full.add("AutoScalingGroupName");
    }
    Set<String> fullWithArch = new HashSet<>(full);
    fullWithArch.add("arch");
    assertThat(ours).extracting(CloudWatchAgentModel.Published::dimensions)
        .containsOnly(Set.of("InstanceId"), full, fullWithArch)
        .noneMatch(set -> set.contains("host"));
  }

  private static Set<CloudWatchAgentModel.Published> published(JsonNode document) {
    Set<CloudWatchAgentModel.Published> published = new LinkedHashSet<>();
    for (JsonNode directive : document.get("_aws").get("CloudWatchMetrics")) {
      for (JsonNode metric : directive.get("Metrics")) {
        for (JsonNode set : directive.get("Dimensions")) {
          published.add(new CloudWatchAgentModel.Published(directive.get("Namespace").asString(),
              metric.get("Name").asString(), Set.copyOf(set.valueStream().map(JsonNode::asString).toList()),
              metric.get("Unit").asString()));
        }
      }
    }
    return published;
  }

  private static MetricBatch withArchitecture(MetricBatch batch, String architecture) {
    return batch.withPoints(batch.points().stream().map(p -> new MetricPoint(p.name(), p.value(), p.unit(), p.kind(),
        p.timestamp(), p.attributes().with("gpu.architecture", architecture))).toList());
  }

  private static JsonNode agentConfig() throws Exception {
    try (InputStream in = CloudWatchAgentConfigEquivalenceTest.class.getResourceAsStream("/emf/cwagent-gpu-config.json")) {
      return EmfSchema.JSON.readTree(in);
    }
  }

  private ComponentSettings settings(ComponentKind kind, String type) {
    return new ComponentSettings(new ComponentId(kind, type, ""), new RecordingTelemetry(),
        ManualClock.atFixedStart(), state, "test");
  }
}
