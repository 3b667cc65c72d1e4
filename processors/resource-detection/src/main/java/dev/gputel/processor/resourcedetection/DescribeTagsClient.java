package dev.gputel.processor.resourcedetection;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.SignedRequest;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

/**
 * Asks {@code ec2:DescribeTags} for one tag of one instance over the EC2 Query API (a signed GET
 * with {@code Action=DescribeTags&Version=2016-11-15} and resource-id and key filters), signed with
 * the AWS SDK's SigV4 signer and credentials from its default chain (instance profile, ECS task
 * role, environment, profile). It does not use the SDK's EC2 client, whose jar alone is 25 MB.
 */
final class DescribeTagsClient implements AutoCloseable {
  static final String API_VERSION = "2016-11-15";

  private final Function<String, URI> endpointForRegion;
  private final MetadataHttp http;
  private final AwsCredentialsProvider credentials;
  private final Clock clock;
  private final AwsV4HttpSigner signer = AwsV4HttpSigner.create();

  /**
   * @param endpointForRegion the EC2 endpoint for a region ({@code https://ec2.us-west-2.amazonaws.com})
   * @param credentials asked at every call: the chain caches and refreshes them itself
   */
  DescribeTagsClient(Function<String, URI> endpointForRegion, MetadataHttp http, AwsCredentialsProvider credentials,
      Clock clock) {
    this.endpointForRegion = endpointForRegion;
    this.http = http;
    this.credentials = credentials;
    this.clock = clock;
  }

  /** Returns the default EC2 endpoint of a region, in its partition's domain. */
  static URI defaultEndpoint(String region) {
    return URI.create("https://ec2." + region + (region.startsWith("cn-") ? ".amazonaws.com.cn" : ".amazonaws.com"));
  }

  /** Returns the value of tag {@code key} on {@code instanceId}, or empty when the instance has no such tag. */
  Optional<String> tag(String instanceId, String region, String key) throws MetadataException {
    URI endpoint = endpointForRegion.apply(region);
    SdkHttpRequest request = SdkHttpRequest.builder()
        .method(SdkHttpMethod.GET)
        .uri(endpoint.resolve("/"))
        .putRawQueryParameter("Action", "DescribeTags")
        .putRawQueryParameter("Version", API_VERSION)
        .putRawQueryParameter("Filter.1.Name", "resource-id")
        .putRawQueryParameter("Filter.1.Value.1", instanceId)
        .putRawQueryParameter("Filter.2.Name", "key")
        .putRawQueryParameter("Filter.2.Value.1", key)
        .build();
    HttpResponse<String> response = send(sign(request, region));
    String where = "ec2:DescribeTags at " + endpoint;
    if (response.statusCode() != 200) {
      DescribeTagsResponse.Error error = DescribeTagsResponse.error(response.body());
      throw new MetadataException(where + " answered HTTP " + response.statusCode() + " " + error.code()
          + (error.message().isEmpty() ? "" : ": " + error.message())
          + (error.code().equals("UnauthorizedOperation")
              ? " (give the instance's role ec2:DescribeTags, or enable instance tags in IMDS)" : ""));
    }
    return DescribeTagsResponse.value(response.body(), instanceId, key, where);
  }

  private SdkHttpRequest sign(SdkHttpRequest request, String region) throws MetadataException {
    AwsCredentialsIdentity identity;
    try {
      identity = credentials.resolveCredentials();
    } catch (RuntimeException e) {
      throw new MetadataException("ec2:DescribeTags: no AWS credentials from the default chain: " + e.getMessage(), e);
    }
    SignedRequest signed = signer.sign(r -> r.identity(identity).request(request)
        .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, "ec2")
        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
        .putProperty(HttpSigner.SIGNING_CLOCK, clock));
    return signed.request();
  }

  private HttpResponse<String> send(SdkHttpRequest signed) throws MetadataException {
    HttpRequest.Builder request = HttpRequest.newBuilder(signed.getUri()).GET();
    // The JDK client writes Host itself, from the same URI the signature covers.
    signed.forEachHeader((name, values) -> {
      if (!name.equalsIgnoreCase("Host")) {
        values.forEach(value -> request.header(name, value));
      }
    });
    try {
      return http.send(request);
    } catch (IOException e) {
      throw new MetadataException("ec2:DescribeTags at " + signed.getUri().getHost() + ": "
          + MetadataHttp.describe(e, http.timeout()), e);
    }
  }

  @Override
  public void close() {
    http.close();
  }
}
