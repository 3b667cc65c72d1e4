package dev.gputel.exporter.cloudwatch;

import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClientBuilder;

/**
 * Builds the CloudWatch client: credentials from the SDK's default chain (environment, system
 * properties, web identity, profile, ECS task role, instance profile), the region from the
 * configuration or else the default chain, the JDK's HttpURLConnection as the HTTP client (the
 * Netty, Apache and CRT clients are not shipped), and no retries inside the SDK: the runtime retries
 * the batch with backoff, its queue or spool holding the data meanwhile, so a throttling storm or an
 * outage does not block the sending thread in SDK back-off sleeps.
 */
final class Clients {
  private Clients() {}

  static CloudWatchClient create(CloudWatchConfig config) {
    CloudWatchClientBuilder builder = CloudWatchClient.builder()
        .credentialsProvider(DefaultCredentialsProvider.builder().build())
        .httpClientBuilder(UrlConnectionHttpClient.builder()
            .connectionTimeout(config.requestTimeout())
            .socketTimeout(config.requestTimeout()))
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())
            .apiCallTimeout(config.requestTimeout()));
    if (config.region() != null) {
      builder.region(Region.of(config.region()));
    }
    if (config.endpoint() != null) {
      builder.endpointOverride(config.endpoint());
    }
    return builder.build();
  }
}
