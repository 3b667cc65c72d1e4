package dev.gputel.processor.resourcedetection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gputel.spi.data.Attributes;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EcsTaskTest {
  private static final String TASK_ARN =
      "arn:aws:ecs:us-west-2:210987654321:task/gpu-cluster/5b9f0c3e2a7d4e61b8c0f1a2d3e4f5a6";

  @Test
  void readsTheTaskAndOwnContainerFromTheEndpoint() throws Exception {
    try (FakeTaskMetadata endpoint = new FakeTaskMetadata();
        EcsDetector detector = new EcsDetector(endpoint.endpoint(), new MetadataHttp(Duration.ofSeconds(5)),
            VisibleDevices.of("GPU-11111111-2222-3333-4444-555555555555,GPU-66666666-7777-8888-9999-000000000000"))) {
      EcsTask task = detector.detect();

      assertThat(task.attributes()).isEqualTo(Attributes.builder()
          .put("aws.ecs.cluster.arn", "arn:aws:ecs:us-west-2:210987654321:cluster/gpu-cluster")
          .put("aws.ecs.task.arn", TASK_ARN)
          .put("aws.ecs.task.id", "5b9f0c3e2a7d4e61b8c0f1a2d3e4f5a6")
          .put("aws.ecs.task.family", "llm-trainer")
          .put("aws.ecs.task.revision", "7")
          .put("container.name", "gputel")
          .put("cloud.provider", "aws")
          .put("cloud.platform", "aws_ecs")
          .put("cloud.region", "us-west-2")
          .put("cloud.account.id", "210987654321")
          .put("cloud.availability_zone", "us-west-2b")
          .put("aws.ecs.launchtype", "ec2")
          .put("aws.ecs.container.arn", "arn:aws:ecs:us-west-2:210987654321:container/gpu-cluster/"
              + "5b9f0c3e2a7d4e61b8c0f1a2d3e4f5a6/4e5f6a7b-8c9d-4e0f-a1b2-c3d4e5f6a7b8")
          .put("container.id", "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f809")
          .build());
      assertThat(task.gpuUuids()).containsExactly(
          "GPU-11111111-2222-3333-4444-555555555555", "GPU-66666666-7777-8888-9999-000000000000");
    }
  }

  @Test
  void aClusterArnIsKeptAsItIs() throws Exception {
    String fargate = Fixtures.read("ecs/task.json")
        .replace("\"Cluster\": \"gpu-cluster\"", "\"Cluster\": \"arn:aws:ecs:us-west-2:210987654321:cluster/other\"");

    EcsTask task = EcsTask.parse(fargate, Fixtures.read("ecs/container.json"), VisibleDevices.of(""));

    assertThat(task.clusterArn()).isEqualTo("arn:aws:ecs:us-west-2:210987654321:cluster/other");
  }

  @Test
  void aTaskWithoutArnIsAnError() {
    String broken = Fixtures.read("ecs/task.json").replace("\"TaskARN\"", "\"TaskArn\"");

    assertThatThrownBy(() -> EcsTask.parse(broken, "{}", VisibleDevices.of("")))
        .isInstanceOf(MetadataException.class).hasMessageContaining("no usable TaskARN");
  }

  @Test
  void anEndpointFailureSaysWhatWasAsked() throws Exception {
    try (FakeTaskMetadata endpoint = new FakeTaskMetadata().failNext(1);
        EcsDetector detector = new EcsDetector(endpoint.endpoint(), new MetadataHttp(Duration.ofSeconds(5)),
            VisibleDevices.of(""))) {
      assertThatThrownBy(detector::detect)
          .hasMessage("GET " + endpoint.endpoint() + "/task answered HTTP 500");
      assertThat(detector.detect().taskArn()).isEqualTo(TASK_ARN);
    }
  }

  @Test
  void visibleDevicesNameGpusOnlyByUuid() {
    assertThat(VisibleDevices.of(" GPU-aa , MIG-bb,GPU-cc ").gpuUuids()).containsExactly("GPU-aa", "GPU-cc");
    assertThat(VisibleDevices.of("GPU-aa").note()).isEmpty();
    assertThat(VisibleDevices.of("all").gpuUuids()).isEmpty();
    assertThat(VisibleDevices.of("all").note()).hasValueSatisfying(note -> assertThat(note).contains("every GPU"));
    assertThat(VisibleDevices.of("0,1").note()).hasValueSatisfying(note -> assertThat(note).contains("no GPU UUID"));
    assertThat(VisibleDevices.of(null).note()).isEmpty();
    assertThat(VisibleDevices.of("void").note()).isEmpty();
  }
}
