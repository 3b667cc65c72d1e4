package dev.gputel.processor.resourcedetection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gputel.spi.component.ComponentStatus;
import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.testing.ManualClock;
import dev.gputel.testing.RecordingTelemetry;
import dev.gputel.testing.TestHost;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ResourceDetectionProcessorTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  private final ManualClock clock = ManualClock.atFixedStart();
  private final RecordingTelemetry telemetry = new RecordingTelemetry();
  private FakeImds imds;
  private ResourceDetectionProcessor processor;

  @BeforeEach
  void startImds() throws Exception {
    imds = new FakeImds(clock);
  }

  @AfterEach
  void stop() {
    if (processor != null) {
      processor.shutdown();
    }
    imds.close();
  }

  private ResourceDetectionProcessor start(String hocon) throws Exception {
    return start(hocon, Map.of());
  }

  private ResourceDetectionProcessor start(String hocon, Map<String, String> env) throws Exception {
    // Generous timeouts: a cold JVM on a busy machine is slow to its first request.
    processor = Harness.processor("detectors = [ec2]\nstartup-wait = 20s\nec2.timeout = 5s\necs.timeout = 5s\nec2.endpoint = \""
        + imds.endpoint() + "\"\n" + hocon,
        env, telemetry, clock);
    processor.start(new TestHost());
    return processor;
  }

  @Test
  void everyBatchNamesTheInstanceAndKeepsTheReceiversHostName() throws Exception {
    MetricBatch out = start("").processMetrics(Harness.metrics());

    assertThat(out.resource().attributes().asMap())
        .containsEntry("host.id", "i-0f1e2d3c4b5a69788")
        .containsEntry("host.type", "g5.12xlarge")
        .containsEntry("cloud.platform", "aws_ec2")
        .containsEntry("cloud.region", "us-west-2")
        .containsEntry("host.name", "test-box");
    assertThat(out.points()).isEqualTo(Harness.metrics().points());
    assertThat(telemetry.statuses()).last().isEqualTo(ComponentStatus.ok());
  }

  @Test
  void overrideLetsTheInstanceHostNameWin() throws Exception {
    MetricBatch out = start("override = true").processMetrics(Harness.metrics());

    assertThat(out.resource().attributes().getString("host.name"))
        .isEqualTo("ip-172-31-40-17.us-west-2.compute.internal");
  }

  @Test
  void staticAttributesResolveTheAgentsPlaceholdersFromWhatWasDetected() throws Exception {
    imds.tags(Map.of("aws:autoscaling:groupName", "gpu-fleet-a"));

    MetricBatch out = start("""
        attributes {
          InstanceId = "${aws:InstanceId}", InstanceType = "${aws:InstanceType}", ImageId = "${aws:ImageId}"
          AutoScalingGroupName = "${aws:AutoScalingGroupName}"
          "log.stream" = "{instance_id}/{aws_region}/{account_id}/{date}"
          deployment.environment = prod
          replicas = 3
        }
        """).processMetrics(Harness.metrics());

    assertThat(out.resource().attributes().asMap())
        .containsEntry("InstanceId", "i-0f1e2d3c4b5a69788")
        .containsEntry("InstanceType", "g5.12xlarge")
        .containsEntry("ImageId", "ami-0a1b2c3d4e5f60718")
        .containsEntry("AutoScalingGroupName", "gpu-fleet-a")
        .containsEntry("log.stream", "i-0f1e2d3c4b5a69788/us-west-2/210987654321/2026-01-01")
        .containsEntry("deployment.environment", "prod")
        .containsEntry("replicas", 3L);
  }

  @Test
  void withoutTagsInImdsTheGroupComesFromDescribeTags() throws Exception {
    try (FakeEc2Api ec2 = new FakeEc2Api("us-west-2").tag("i-0f1e2d3c4b5a69788", "aws:autoscaling:groupName", "gpu-fleet-b")) {
      MetricBatch out = start("ec2.describe-tags-endpoint = \"" + ec2.endpoint() + "\"\n"
          + "attributes { AutoScalingGroupName = \"${aws:AutoScalingGroupName}\" }").processMetrics(Harness.metrics());

      assertThat(out.resource().attributes().asMap())
          .containsEntry("AutoScalingGroupName", "gpu-fleet-b")
          .containsEntry("aws.autoscaling.group.name", "gpu-fleet-b");
      assertThat(ec2.authorizations()).hasSize(1);
    }
  }

  @Test
  void describeTagsNotPermittedLeavesTheGroupOutWithoutTakingTheInstanceDown() throws Exception {
    try (FakeEc2Api ec2 = new FakeEc2Api("us-west-2").unauthorized()) {
      MetricBatch out = start("ec2.describe-tags-endpoint = \"" + ec2.endpoint() + "\"\n"
          + "attributes { AutoScalingGroupName = \"${aws:AutoScalingGroupName}\" }").processMetrics(Harness.metrics());

      assertThat(out.resource().attributes().asMap())
          .doesNotContainKey("AutoScalingGroupName")
          .containsEntry("host.id", "i-0f1e2d3c4b5a69788");
      assertThat(telemetry.statuses()).last().isEqualTo(ComponentStatus.ok());
    }
  }

  @Test
  void nothingAsksForTheGroupSoDescribeTagsIsNotCalled() throws Exception {
    try (FakeEc2Api ec2 = new FakeEc2Api("us-west-2")) {
      start("ec2.describe-tags-endpoint = \"" + ec2.endpoint() + "\"").processMetrics(Harness.metrics());

      assertThat(ec2.authorizations()).isEmpty();
    }
  }

  @Test
  void aValueNamingAnUnknownAutoScalingGroupIsLeftOut() throws Exception {
    MetricBatch out = start("attributes { AutoScalingGroupName = \"${aws:AutoScalingGroupName}\", team = ml }")
        .processMetrics(Harness.metrics());

    assertThat(out.resource().attributes().asMap()).doesNotContainKey("AutoScalingGroupName").containsEntry("team", "ml");
  }

  @Test
  void offEc2TheAgentStartsWithFallbacksAndSaysWhy() throws Exception {
    imds.close();

    MetricBatch out = start("attributes { InstanceId = \"${aws:InstanceId}\", InstanceType = \"${aws:InstanceType}\" }")
        .processMetrics(Harness.metrics());

    assertThat(out.resource().attributes().asMap())
        .containsEntry("InstanceId", "i-UNKNOWN")
        .containsEntry("InstanceType", "UNKNOWN-TYPE")
        .doesNotContainKey("host.id");
    assertThat(telemetry.awaitStatus(status -> !status.up(), WAIT).reason())
        .startsWith("ec2: IMDSv2 token request PUT " + imds.endpoint() + "/latest/api/token: connection refused");
    assertThat(telemetry.count("detection_failures", Map.of("detector", "ec2"))).isPositive();
  }

  @Test
  void aHangingTokenRequestNeverHoldsUpTheBatchAndIsReportedAsTheHopLimit() throws Exception {
    imds.hangTokenRequests();
    start("startup-wait = 0s\nec2.timeout = 2s\nattributes { InstanceId = \"${aws:InstanceId}\" }");

    long started = System.nanoTime();
    MetricBatch out = processor.processMetrics(Harness.metrics());
    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));

    assertThat(out.resource().attributes().getString("InstanceId")).isEqualTo("i-UNKNOWN");
    assertThat(telemetry.awaitStatus(status -> !status.up(), WAIT).reason())
        .contains("timed out").contains("hop limit of 1").contains("--http-put-response-hop-limit 2");
  }

  @Test
  void aRefreshPicksUpWhatChanged() throws Exception {
    start("refresh-interval = 50ms");
    imds.item(Ec2Metadata.IDENTITY_PATH, Fixtures.read("imds/identity-document.json")
        .replace("g5.12xlarge", "p5.48xlarge"));

    await().atMost(WAIT).untilAsserted(() -> assertThat(
        processor.processMetrics(Harness.metrics()).resource().attributes().getString("host.type"))
        .isEqualTo("p5.48xlarge"));
  }

  @Test
  void aFailedRefreshKeepsTheLastGoodAnswerAndRecovers() throws Exception {
    start("refresh-interval = 100ms\nretry-interval = 20ms");
    imds.failNext(3, 500);

    await().atMost(WAIT).until(() -> telemetry.statuses().stream().anyMatch(status -> !status.up()));
    assertThat(processor.processMetrics(Harness.metrics()).resource().attributes().getString("host.id"))
        .isEqualTo("i-0f1e2d3c4b5a69788");
    await().atMost(WAIT).until(() -> telemetry.statuses().getLast().up());
    assertThat(telemetry.statuses()).filteredOn(status -> !status.up())
        .allSatisfy(status -> assertThat(status.reason()).contains("answered HTTP 500"));
  }

  @Test
  void aGpuTheTaskOwnsCarriesTheTaskOnItsPointsAndEvents() throws Exception {
    try (FakeTaskMetadata task = new FakeTaskMetadata()) {
      start("detectors = [ec2, ecs]\necs.endpoint = \"" + task.endpoint() + "\"",
          Map.of("NVIDIA_VISIBLE_DEVICES", Harness.GPU_A));

      MetricBatch metrics = processor.processMetrics(Harness.metrics());
      EventBatch events = processor.processEvents(Harness.events());

      Attributes owned = metrics.points().getFirst().attributes();
      assertThat(owned.asMap())
          .containsEntry("hw.id", Harness.GPU_A)
          .containsEntry("aws.ecs.task.arn",
              "arn:aws:ecs:us-west-2:210987654321:task/gpu-cluster/5b9f0c3e2a7d4e61b8c0f1a2d3e4f5a6")
          .containsEntry("aws.ecs.task.family", "llm-trainer")
          .containsEntry("aws.ecs.task.revision", "7")
          .containsEntry("aws.ecs.cluster.arn", "arn:aws:ecs:us-west-2:210987654321:cluster/gpu-cluster");
      assertThat(metrics.points().get(1).attributes()).isEqualTo(Harness.gpu(Harness.GPU_B, 1));
      assertThat(events.events()).extracting(Event::attributes).first().isEqualTo(owned);
      assertThat(events.events().get(1).attributes()).isEqualTo(Harness.gpu(Harness.GPU_B, 1));
      assertThat(metrics.resource().attributes().asMap())
          .containsEntry("cloud.platform", "aws_ecs")
          .containsEntry("host.id", "i-0f1e2d3c4b5a69788")
          .containsEntry("aws.ecs.launchtype", "ec2");
      assertThat(telemetry.gaugeValue("attributed_gpus")).isEqualTo(1.0);
    }
  }

  @Test
  void onFargateThereIsNoInstanceMetadataToMiss() throws Exception {
    imds.close();
    try (FakeTaskMetadata task = new FakeTaskMetadata().replaceInTask("\"LaunchType\": \"EC2\"",
        "\"LaunchType\": \"FARGATE\"")) {
      start("detectors = [ec2, ecs]\necs.endpoint = \"" + task.endpoint() + "\"");

      MetricBatch out = processor.processMetrics(Harness.metrics());

      assertThat(out.resource().attributes().getString("aws.ecs.launchtype")).isEqualTo("fargate");
      assertThat(telemetry.statuses()).last().isEqualTo(ComponentStatus.ok());
      assertThat(telemetry.count("detection_failures", Map.of("detector", "ec2"))).isZero();
    }
  }

  @Test
  void outsideEcsTheEcsDetectorAsksNothing() throws Exception {
    processor = Harness.processor("detectors = [ecs]\nattributes { team = ml }", Map.of(), telemetry, clock);
    processor.start(new TestHost());

    MetricBatch out = processor.processMetrics(Harness.metrics());

    assertThat(out.resource().attributes().asMap()).containsOnly(
        Map.entry("host.name", "test-box"), Map.entry("team", "ml"));
    assertThat(telemetry.statuses()).containsExactly(ComponentStatus.ok());
  }

  @Test
  void placeholdersAreResolvedAgainEvenWithoutADetector() throws Exception {
    processor = Harness.processor("detectors = []\nrefresh-interval = 20ms\nattributes { day = \"{date}\" }",
        Map.of(), telemetry, clock);
    assertThat(processor.processMetrics(Harness.metrics()).resource().attributes().asMap())
        .as("before start: nothing resolved, no lookups").doesNotContainKey("day");
    processor.start(new TestHost());
    assertThat(processor.processMetrics(Harness.metrics()).resource().attributes().getString("day"))
        .isEqualTo("2026-01-01");

    clock.advance(Duration.ofDays(1));

    await().atMost(WAIT).untilAsserted(() -> assertThat(
        processor.processMetrics(Harness.metrics()).resource().attributes().getString("day")).isEqualTo("2026-01-02"));
  }

  @Test
  void theEcsEndpointComesFromTheEnvironmentEcsSets() throws Exception {
    try (FakeTaskMetadata task = new FakeTaskMetadata()) {
      start("detectors = [ecs]", Map.of("ECS_CONTAINER_METADATA_URI_V4", task.endpoint().toString()));

      assertThat(processor.processMetrics(Harness.metrics()).resource().attributes().getString("aws.ecs.task.family"))
          .isEqualTo("llm-trainer");
    }
  }

  @Test
  void pointsOfNoOwnedGpuAreLeftAsTheyAre() throws Exception {
    MetricBatch in = Harness.metrics();

    MetricBatch out = start("").processMetrics(in);

    assertThat(out.points()).extracting(MetricPoint::attributes)
        .containsExactlyElementsOf(in.points().stream().map(MetricPoint::attributes).toList());
  }
}
