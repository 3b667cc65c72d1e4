package dev.gputel.exporter.cloudwatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AnonymousCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.MetricDatum;

/**
 * The fake refuses what CloudWatch refuses, as CloudWatch does, so the other tests' "no violation"
 * means something; and the exporter sorts the SDK's view of those answers correctly.
 */
class FakeCloudWatchTest {
  private static final Instant NOW = Harness.START;

  @Test
  void overLimitRequestsAreRefusedAsInvalidAndNotRetried() throws Exception {
    try (Harness h = new Harness(""); CloudWatchClient client = client(h, false)) {
      List<MetricDatum> thousandAndOne = Collections.nCopies(1001, datum("m", List.of(), 1));
      assertThat(kindOf(() -> put(client, thousandAndOne))).isEqualTo(Failures.Kind.INVALID);

      List<Dimension> dims = new ArrayList<>();
      for (int i = 0; i < 31; i++) {
        dims.add(Dimension.builder().name("d" + i).value("v").build());
      }
      assertThat(kindOf(() -> put(client, List.of(datum("m", dims, 1))))).isEqualTo(Failures.Kind.INVALID);
      assertThat(kindOf(() -> put(client, List.of(datum("m", List.of(), 151))))).isEqualTo(Failures.Kind.INVALID);
      assertThat(kindOf(() -> put(client, List.of(MetricDatum.builder().metricName("m").timestamp(NOW)
          .value(0x1p361).build())))).isEqualTo(Failures.Kind.INVALID);
      assertThat(h.fake.violations()).extracting(FakeCloudWatch.Violation::code).containsOnly("InvalidParameterValue")
          .hasSize(4);

      List<Dimension> big = List.of(Dimension.builder().name("d").value("x".repeat(1024)).build());
      assertThat(kindOf(() -> put(client, Collections.nCopies(1000, datum("m", big, 1)))))
          .isEqualTo(Failures.Kind.INVALID);
      assertThat(h.fake.violations().getLast().status()).isEqualTo(413);
      assertThat(h.fake.received()).isEmpty();
    }
  }

  @Test
  void aRequestWithoutSigV4IsRefused() throws Exception {
    try (Harness h = new Harness(""); CloudWatchClient client = client(h, true)) {
      assertThat(kindOf(() -> put(client, List.of(datum("m", List.of(), 1))))).isEqualTo(Failures.Kind.CREDENTIALS);
      assertThat(h.fake.violations()).singleElement().satisfies(v -> assertThat(v.code()).isEqualTo("IncompleteSignature"));
    }
  }

  @Test
  void throttlingAndServerErrorsAreRetryable() throws Exception {
    try (Harness h = new Harness(""); CloudWatchClient client = client(h, false)) {
      h.fake.faults(n -> List.of(FakeCloudWatch.Fault.THROTTLE, FakeCloudWatch.Fault.SERVER_ERROR,
          FakeCloudWatch.Fault.UNAVAILABLE, FakeCloudWatch.Fault.DROP_BEFORE).get(n % 4));
      List<MetricDatum> one = List.of(datum("m", List.of(), 1));
      assertThat(kindOf(() -> put(client, one))).isEqualTo(Failures.Kind.THROTTLED);
      assertThat(kindOf(() -> put(client, one))).isEqualTo(Failures.Kind.SERVER_ERROR);
      assertThat(kindOf(() -> put(client, one))).isEqualTo(Failures.Kind.SERVER_ERROR);
      assertThat(kindOf(() -> put(client, one))).isEqualTo(Failures.Kind.NETWORK);
      assertThat(h.fake.received()).isEmpty();
    }
  }

  private static MetricDatum datum(String name, List<Dimension> dimensions, int values) {
    List<Double> v = new ArrayList<>();
    for (int i = 0; i < values; i++) {
      v.add((double) i);
    }
    return MetricDatum.builder().metricName(name).dimensions(dimensions).timestamp(NOW).values(v).build();
  }

  private static void put(CloudWatchClient client, List<MetricDatum> data) {
    client.putMetricData(r -> r.namespace("Test").metricData(data));
  }

  private static Failures.Kind kindOf(Runnable call) {
    return Failures.kind(catchThrowableOfType(SdkException.class, call::run));
  }

  /** A raw client, without the exporter's checks; anonymous sends no Authorization header. */
  private static CloudWatchClient client(Harness h, boolean anonymous) {
    var builder = CloudWatchClient.builder().region(Region.US_EAST_1).endpointOverride(h.fake.endpoint())
        .httpClientBuilder(UrlConnectionHttpClient.builder())
        .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
    if (anonymous) {
      builder.credentialsProvider(AnonymousCredentialsProvider.create());
    }
    return builder.build();
  }
}
