package dev.gputel.processor.resourcedetection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gputel.testing.ManualClock;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;

class DescribeTagsClientTest {
  private static final String INSTANCE = "i-0f1e2d3c4b5a69788";
  private static final String ASG = "aws:autoscaling:groupName";

  private final ManualClock clock = ManualClock.atFixedStart();
  private FakeEc2Api ec2;

  @BeforeEach
  void start() throws Exception {
    ec2 = new FakeEc2Api("us-west-2");
  }

  @AfterEach
  void stop() {
    ec2.close();
  }

  private DescribeTagsClient client(AwsCredentialsProvider credentials) {
    return new DescribeTagsClient(region -> ec2.endpoint(), new MetadataHttp(Duration.ofSeconds(5)), credentials, clock);
  }

  @Test
  void readsTheTagWithARequestSignedForEc2InTheInstancesRegion() throws Exception {
    ec2.tag(INSTANCE, ASG, "gpu-fleet-a").tag(INSTANCE, "Name", "trainer-1");

    try (DescribeTagsClient client = client(Harness.CREDENTIALS)) {
      assertThat(client.tag(INSTANCE, "us-west-2", ASG)).contains("gpu-fleet-a");
    }

    // Signed on the component's clock, with the role's key and its session token.
    assertThat(ec2.authorizations()).singleElement().asString()
        .startsWith("AWS4-HMAC-SHA256 Credential=ASIAEXAMPLEGPUTEL0001/20260101/us-west-2/ec2/aws4_request, ")
        .contains("x-amz-security-token");
  }

  @Test
  void anInstanceWithoutTheTagHasNone() throws Exception {
    try (DescribeTagsClient client = client(Harness.CREDENTIALS)) {
      assertThat(client.tag(INSTANCE, "us-west-2", ASG)).isEmpty();
    }
  }

  @Test
  void aRoleWithoutThePermissionIsToldWhichOneItLacks() {
    ec2.unauthorized();

    try (DescribeTagsClient client = client(Harness.CREDENTIALS)) {
      assertThatThrownBy(() -> client.tag(INSTANCE, "us-west-2", ASG))
          .isInstanceOf(MetadataException.class)
          .hasMessage("ec2:DescribeTags at " + ec2.endpoint() + " answered HTTP 403 UnauthorizedOperation:"
              + " You are not authorized to perform this operation. (give the instance's role ec2:DescribeTags,"
              + " or enable instance tags in IMDS)");
    }
  }

  @Test
  void aRequestSignedForAnotherRegionIsRefusedByTheFake() {
    try (DescribeTagsClient client = client(Harness.CREDENTIALS)) {
      assertThatThrownBy(() -> client.tag(INSTANCE, "eu-west-1", ASG))
          .hasMessageContaining("answered HTTP 401 AuthFailure");
    }
  }

  @Test
  void noCredentialsAtAllIsSaid() {
    AwsCredentialsProvider none = () -> {
      throw SdkClientException.create("Unable to load credentials from any of the providers in the chain");
    };

    try (DescribeTagsClient client = client(none)) {
      assertThatThrownBy(() -> client.tag(INSTANCE, "us-west-2", ASG))
          .hasMessageStartingWith("ec2:DescribeTags: no AWS credentials from the default chain: Unable to load");
    }
  }

  @Test
  void theDefaultEndpointIsTheRegionsInItsPartition() {
    assertThat(DescribeTagsClient.defaultEndpoint("us-west-2")).isEqualTo(URI.create("https://ec2.us-west-2.amazonaws.com"));
    assertThat(DescribeTagsClient.defaultEndpoint("cn-north-1"))
        .isEqualTo(URI.create("https://ec2.cn-north-1.amazonaws.com.cn"));
  }
}
