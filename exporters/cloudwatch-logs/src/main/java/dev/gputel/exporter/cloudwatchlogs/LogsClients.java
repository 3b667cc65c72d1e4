package dev.gputel.exporter.cloudwatchlogs;

import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClientBuilder;

/**
 * Builds the SDK client: the JDK's URL connection (no Netty, Apache or CRT in the distribution),
 * region and endpoint from the settings or the SDK's default chains, and few or no SDK retries, so
 * a failing batch goes back to the runtime (and its spool) instead of holding a worker thread.
 */
final class LogsClients {
  private LogsClients() {}

  static CloudWatchLogsClient build(CloudWatchLogsConfig config, AwsCredentialsProvider credentials) {
    Duration timeout = config.requestTimeout();
    CloudWatchLogsClientBuilder builder = CloudWatchLogsClient.builder()
        .httpClientBuilder(UrlConnectionHttpClient.builder()
            .connectionTimeout(timeout.compareTo(Duration.ofSeconds(10)) < 0 ? timeout : Duration.ofSeconds(10))
            .socketTimeout(timeout))
        .credentialsProvider(credentials)
        .overrideConfiguration(o -> o
            .apiCallAttemptTimeout(timeout)
            .retryStrategy(config.sdkMaxAttempts() == 1
                ? AwsRetryStrategy.doNotRetry()
                : AwsRetryStrategy.standardRetryStrategy().toBuilder().maxAttempts(config.sdkMaxAttempts()).build()));
    config.region().ifPresent(region -> builder.region(Region.of(region)));
    config.endpoint().ifPresent(builder::endpointOverride);
    return builder.build();
  }
}
