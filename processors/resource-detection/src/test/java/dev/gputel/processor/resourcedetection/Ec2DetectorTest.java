package dev.gputel.processor.resourcedetection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gputel.spi.data.Attributes;
import dev.gputel.testing.ManualClock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class Ec2DetectorTest {
  private final ManualClock clock = ManualClock.atFixedStart();
  private FakeImds imds;
  private ImdsClient client;

  @BeforeEach
  void start() throws Exception {
    imds = new FakeImds(clock);
    client = new ImdsClient(imds.endpoint(), Duration.ofSeconds(5), Duration.ofHours(6), false, clock);
  }

  @AfterEach
  void stop() {
    client.close();
    imds.close();
  }

  @Test
  void readsTheIdentityDocumentIntoSemanticConventionKeys() throws Exception {
    Ec2Metadata instance = new Ec2Detector(client, false, false, null).detect();

    assertThat(instance.attributes()).isEqualTo(Attributes.builder()
        .put("cloud.provider", "aws")
        .put("cloud.platform", "aws_ec2")
        .put("cloud.region", "us-west-2")
        .put("cloud.availability_zone", "us-west-2b")
        .put("cloud.account.id", "210987654321")
        .put("host.id", "i-0f1e2d3c4b5a69788")
        .put("host.type", "g5.12xlarge")
        .put("host.image.id", "ami-0a1b2c3d4e5f60718")
        .put("host.name", "ip-172-31-40-17.us-west-2.compute.internal")
        .put("host.ip", "172.31.40.17")
        .build());
    assertThat(instance.notes()).isEmpty();
    assertThat(imds.requests()).noneMatch(request -> request.contains("/tags/"));
  }

  @Test
  void readsTheAutoScalingGroupFromInstanceTags() throws Exception {
    imds.tags(Map.of("Name", "trainer-1", "aws:autoscaling:groupName", "gpu-fleet-a"));

    Ec2Metadata instance = new Ec2Detector(client, true, true, null).detect();

    assertThat(instance.autoScalingGroup()).isEqualTo("gpu-fleet-a");
    assertThat(instance.attributes().getString("aws.autoscaling.group.name")).isEqualTo("gpu-fleet-a");
  }

  @Test
  void tagsOffInImdsLeaveTheGroupUnknownWithANoteOnHowToTurnThemOn() throws Exception {
    Ec2Metadata instance = new Ec2Detector(client, true, true, null).detect();

    assertThat(instance.autoScalingGroup()).isNull();
    assertThat(instance.notes()).singleElement().asString()
        .contains("InstanceMetadataTags=disabled").contains("--instance-metadata-tags enabled");
  }

  @Test
  void tagsOffAreNoWarningWhenNothingAsksForTheGroup() throws Exception {
    Ec2Metadata instance = new Ec2Detector(client, true, false, null).detect();

    assertThat(instance.autoScalingGroup()).isNull();
    assertThat(instance.notes()).isEmpty();
  }

  @Test
  void anInstanceInNoGroupHasNoGroupAndNoNote() throws Exception {
    imds.tags(Map.of("Name", "trainer-1"));

    Ec2Metadata instance = new Ec2Detector(client, true, true, null).detect();

    assertThat(instance.autoScalingGroup()).isNull();
    assertThat(instance.notes()).isEmpty();
    assertThat(instance.attributes().asMap()).doesNotContainKey("aws.autoscaling.group.name");
  }

  @Test
  void aMissingHostnameIsLeftOut() throws Exception {
    imds.item(Ec2Detector.HOSTNAME_PATH, null);

    assertThat(new Ec2Detector(client, false, false, null).detect().attributes().asMap()).doesNotContainKey("host.name");
  }

  @Test
  void aDocumentWithoutInstanceIdIsAnError() {
    imds.item(Ec2Metadata.IDENTITY_PATH, "{\"region\" : \"us-west-2\"}");

    assertThatThrownBy(() -> new Ec2Detector(client, false, false, null).detect())
        .isInstanceOf(MetadataException.class).hasMessageContaining("has no instanceId");
  }

  @Test
  void aDocumentThatIsNotJsonIsAnErrorThatSaysWhich() {
    imds.item(Ec2Metadata.IDENTITY_PATH, "<html>captive portal</html>");

    assertThatThrownBy(() -> new Ec2Detector(client, false, false, null).detect())
        .isInstanceOf(MetadataException.class)
        .hasMessageStartingWith("the instance identity document is not the JSON object expected");
  }
}
