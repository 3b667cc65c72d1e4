package dev.gputel.exporter.cloudwatchemf;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClientBuilder;

/**
 * Builds the CloudWatch Logs client as the cloudwatch-logs exporter does: the JDK's URL connection
 * (the only HTTP client the distribution ships), region and endpoint from the settings or the SDK's
 * default chains, and few or no SDK retries, so a failing batch goes back to the runtime's retry.
 */
final class LogsClient {
  private LogsClient() {}

  static CloudWatchLogsClient build(EmfConfig.LogsSettings settings, AwsCredentialsProvider credentials) {
    Duration timeout = settings.requestTimeout();
    Duration connect = timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10);
    CloudWatchLogsClientBuilder builder = CloudWatchLogsClient.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder().connectionTimeout(connect).socketTimeout(timeout))
        .credentialsProvider(credentials)
        .overrideConfiguration(o -> o
            .apiCallAttemptTimeout(timeout)
            .retryStrategy(settings.sdkMaxAttempts() == 1
                ? AwsRetryStrategy.doNotRetry()
                : AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(settings.sdkMaxAttempts()).build()));
    settings.region().ifPresent(region -> builder.region(Region.of(region)));
    settings.endpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }
}
