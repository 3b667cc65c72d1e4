package dev.gputel.processor.resourcedetection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResourceDetectionConfigTest {

  @Test
  void theDefaultsAskImdsAtItsAddressWithShortTimeoutsAndNoV1() {
    ResourceDetectionConfig config = Harness.config("", Map.of());

    assertThat(config.detectors()).containsExactly(DetectorType.EC2, DetectorType.ECS);
    assertThat(config.ec2().endpoint()).isEqualTo(URI.create("http://169.254.169.254"));
    assertThat(config.ec2().timeout()).isEqualTo(Duration.ofSeconds(1));
    assertThat(config.ec2().tokenTtl()).isEqualTo(Duration.ofHours(6));
    assertThat(config.ec2().imdsV1Fallback()).isFalse();
    assertThat(config.ecs().endpoint()).isEmpty();
    assertThat(config.override()).isFalse();
    assertThat(config.attributes()).isEmpty();
  }

  @Test
  void endpointsLeftEmptyComeFromTheEnvironment() {
    ResourceDetectionConfig config = Harness.config("", Map.of(
        "AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://127.0.0.1:1338/",
        "ECS_CONTAINER_METADATA_URI_V4", "http://169.254.170.2/v4/abc-123",
        "NVIDIA_VISIBLE_DEVICES", "GPU-aa,GPU-bb"));

    assertThat(config.ec2().endpoint()).isEqualTo(URI.create("http://127.0.0.1:1338/"));
    assertThat(config.ecs().endpoint()).contains(URI.create("http://169.254.170.2/v4/abc-123"));
    assertThat(config.ecs().visibleDevices().gpuUuids()).containsExactly("GPU-aa", "GPU-bb");
  }

  @Test
  void configuredEndpointsWinOverTheEnvironment() {
    ResourceDetectionConfig config = Harness.config(
        "ec2.endpoint = \"http://[fd00:ec2::254]\"\necs.visible-devices = GPU-cc",
        Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT", "http://127.0.0.1:1338", "NVIDIA_VISIBLE_DEVICES", "all"));

    assertThat(config.ec2().endpoint()).isEqualTo(URI.create("http://[fd00:ec2::254]"));
    assertThat(config.ecs().visibleDevices().gpuUuids()).containsExactly("GPU-cc");
  }

  @Test
  void dottedKeysReadTheSameQuotedOrNot() {
    ResourceDetectionConfig config = Harness.config(
        "attributes { deployment.environment = prod, \"service.name\" = trainer, on = true }", Map.of());

    assertThat(config.attributes()).containsOnly(
        Map.entry("deployment.environment", "prod"), Map.entry("service.name", "trainer"), Map.entry("on", true));
  }

  @Test
  void aMisspeltDetectorIsRejectedWithASuggestion() {
    assertThatThrownBy(() -> Harness.config("detectors = [ec2, esc]", Map.of()))
        .isInstanceOf(ConfigException.BadValue.class)
        .hasMessageContaining("'esc' is not one of ec2, ecs").hasMessageContaining("did you mean 'ecs'");
  }

  @Test
  void aMisspeltPlaceholderIsRejectedWithASuggestion() {
    assertThatThrownBy(() -> Harness.config("attributes { InstanceId = \"${aws:InstanceID}\" }", Map.of()))
        .isInstanceOf(ConfigException.BadValue.class)
        .hasMessageContaining("attributes.InstanceId")
        .hasMessageContaining("${aws:InstanceID} is not a placeholder the CloudWatch agent knows")
        .hasMessageContaining("did you mean 'InstanceId'");
  }

  @Test
  void aTokenTtlImdsWouldRefuseIsRejected() {
    assertThatThrownBy(() -> Harness.config("ec2.token-ttl = 7h", Map.of()))
        .isInstanceOf(ConfigException.BadValue.class).hasMessageContaining("IMDS accepts 1s to 6h");
  }

  @Test
  void anEndpointThatIsNotHttpIsRejectedAndSaysWhereItCameFrom() {
    assertThatThrownBy(() -> Harness.config("", Map.of("AWS_EC2_METADATA_SERVICE_ENDPOINT", "169.254.169.254")))
        .isInstanceOf(ConfigException.BadValue.class)
        .hasMessageContaining("'169.254.169.254' is not an http:// address (read from the environment)");
  }

  @Test
  void aListOrObjectIsNoAttributeValue() {
    assertThatThrownBy(() -> Harness.config("attributes { zones = [a, b] }", Map.of()))
        .isInstanceOf(ConfigException.BadValue.class).hasMessageContaining("attributes.zones");
  }

  @Test
  void aDetectorListedTwiceIsRejected() {
    assertThatThrownBy(() -> Harness.config("detectors = [ec2, ec2]", Map.of()))
        .hasMessageContaining("'ec2' is listed twice");
  }
}
