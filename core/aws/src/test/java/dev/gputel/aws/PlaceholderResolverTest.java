package dev.gputel.aws;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.spi.data.Attributes;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PlaceholderResolverTest {
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-04T23:30:00Z"), ZoneOffset.UTC);
  private final PlaceholderResolver resolver =
      new PlaceholderResolver(CLOCK, LocalHost.of("build-box", "10.1.2.3"));

  private static final Attributes EC2 = Attributes.builder()
      .put(AwsResourceKeys.HOST_ID, "i-0abc1234def567890")
      .put(AwsResourceKeys.HOST_TYPE, "g5.xlarge")
      .put(AwsResourceKeys.HOST_IMAGE_ID, "ami-0123456789abcdef0")
      .put(AwsResourceKeys.HOST_NAME, "ip-172-31-5-6.us-west-2.compute.internal")
      .put(AwsResourceKeys.HOST_IP, "172.31.5.6")
      .put(AwsResourceKeys.CLOUD_REGION, "us-west-2")
      .put(AwsResourceKeys.CLOUD_ACCOUNT_ID, "210987654321")
      .put(AwsResourceKeys.AUTOSCALING_GROUP_NAME, "gpu-fleet")
      .build();

  @Test
  void awsPlaceholdersReadTheResource() {
    assertThat(resolver.resolve("${aws:InstanceId}", EC2)).contains("i-0abc1234def567890");
    assertThat(resolver.resolve("${aws:InstanceType}", EC2)).contains("g5.xlarge");
    assertThat(resolver.resolve("${aws:ImageId}", EC2)).contains("ami-0123456789abcdef0");
    assertThat(resolver.resolve("${aws:AutoScalingGroupName}", EC2)).contains("gpu-fleet");
    assertThat(resolver.resolve("fleet-${aws:AutoScalingGroupName}/${aws:InstanceType}", EC2))
        .contains("fleet-gpu-fleet/g5.xlarge");
  }

  @Test
  void missingMetadataGetsTheAgentsFallbacks() {
    Attributes none = Attributes.empty();
    assertThat(resolver.resolve("${aws:InstanceId}", none)).contains("i-UNKNOWN");
    assertThat(resolver.resolve("${aws:InstanceType}", none)).contains("UNKNOWN-TYPE");
    assertThat(resolver.resolve("${aws:ImageId}", none)).contains("UNKNOWN-AMI");
    assertThat(resolver.resolve("{instance_id}/{aws_region}/{account_id}", none))
        .contains("i-UNKNOWN/UNKNOWN-REGION/UNKNOWN-ACCOUNT");
    assertThat(resolver.resolve("{hostname} {ip_address}", none)).contains("build-box 10.1.2.3");
  }

  @Test
  void noAddressAtAllIsUnknownIp() {
    PlaceholderResolver offline = new PlaceholderResolver(CLOCK, LocalHost.of("box", null));
    assertThat(offline.resolve("{ip_address}", Attributes.empty())).contains("UNKNOWN-IP");
  }

  @Test
  void anUnknownAutoScalingGroupLeavesTheValueOut() {
    // The agent drops an append dimension whose group it cannot find, rather than inventing one.
    assertThat(resolver.resolve("${aws:AutoScalingGroupName}", Attributes.empty())).isEmpty();
    assertThat(resolver.resolve("${aws:AutoScalingGroupName}",
        Attributes.of(AwsResourceKeys.AUTOSCALING_GROUP_NAME, ""))).isEmpty();
  }

  @Test
  void logStreamPlaceholdersReadTheResourceAndTheHost() {
    assertThat(resolver.resolve("{instance_id}-{hostname}-{local_hostname}-{ip_address}", EC2))
        .contains("i-0abc1234def567890-ip-172-31-5-6.us-west-2.compute.internal-build-box-172.31.5.6");
    assertThat(resolver.resolve("{aws_region}/{account_id}", EC2)).contains("us-west-2/210987654321");
  }

  @Test
  void dateIsTheClocksDayInItsZone() {
    assertThat(resolver.resolve("gpu-{date}", EC2)).contains("gpu-2026-03-04");
    PlaceholderResolver tokyo = new PlaceholderResolver(CLOCK.withZone(ZoneId.of("Asia/Tokyo")),
        LocalHost.of("box", null));
    assertThat(tokyo.resolve("{date}", EC2)).contains("2026-03-05");
  }

  @Test
  void valuesAreReadAtEachCallNotOnce() {
    assertThat(resolver.resolve("{instance_id}", Attributes.empty())).contains("i-UNKNOWN");
    assertThat(resolver.resolve("{instance_id}", EC2)).contains("i-0abc1234def567890");
  }

  @Test
  void otherTextIsKeptAsWritten() {
    assertThat(resolver.resolve("plain", EC2)).contains("plain");
    assertThat(resolver.resolve("{not_a_placeholder} ${aws:Nope} $5", EC2))
        .contains("{not_a_placeholder} ${aws:Nope} $5");
  }

  @Test
  void unknownAwsNamesAreFoundForValidation() {
    assertThat(PlaceholderResolver.unknownAwsPlaceholders("${aws:InstanceID}-${aws:ImageId}"))
        .containsExactly("${aws:InstanceID}");
    assertThat(PlaceholderResolver.hasPlaceholders("{date}")).isTrue();
    assertThat(PlaceholderResolver.hasPlaceholders("{other}")).isFalse();
    assertThat(PlaceholderResolver.hasPlaceholders("${aws:ImageId}")).isTrue();
  }

  @Test
  void cloudWatchAgentNamesMapToResourceKeys() {
    assertThat(AwsResourceKeys.forCloudWatchAgentName("InstanceId")).contains("host.id");
    assertThat(AwsResourceKeys.forCloudWatchAgentName("AutoScalingGroupName"))
        .contains("aws.autoscaling.group.name");
    assertThat(AwsResourceKeys.forCloudWatchAgentName("host")).isEmpty();
  }
}
