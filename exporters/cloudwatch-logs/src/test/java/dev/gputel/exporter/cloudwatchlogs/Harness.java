package dev.gputel.exporter.cloudwatchlogs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import dev.gputel.spi.component.ComponentId;
import dev.gputel.spi.component.ComponentKind;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.exporter.PermanentExportException;
import dev.gputel.spi.exporter.RetryableExportException;
import dev.gputel.testing.ManualClock;
import dev.gputel.testing.RecordingTelemetry;
import dev.gputel.testing.TestHost;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The exporter against the fake service, driven the way the runtime drives it: each batch is sent
 * until it succeeds, a retryable failure waits (on the manual clock, shared with the fake) for the
 * time it asked for or the runtime's backoff, and a permanent failure ends the test.
 */
final class Harness implements AutoCloseable {
  static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
      AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));
  private static final ObjectMapper JSON = new ObjectMapper();

  final ManualClock clock;
  final FakeCloudWatchLogs fake;
  final RecordingTelemetry telemetry = new RecordingTelemetry();
  final CloudWatchLogsExporter exporter;
  int attempts;
  int retries;

  Harness(ManualClock clock, Path state, String extraConfig) throws Exception {
    this.clock = clock;
    this.fake = new FakeCloudWatchLogs(clock::instant);
    var config = ConfigFactory.parseString(extraConfig + "\nregion = us-east-1\nendpoint = \"" + fake.endpoint() + "\"")
        .withFallback(ConfigFactory.parseResources("reference.conf").getConfig("gputel.exporters.cloudwatch-logs"))
        .resolve();
    var settings = new ComponentSettings(new ComponentId(ComponentKind.EXPORTER, "cloudwatch-logs", ""),
        telemetry, clock, state, "test");
    exporter = new CloudWatchLogsExporter(CloudWatchLogsConfig.from(config), settings, CREDENTIALS);
    exporter.start(new TestHost());
  }

  /** Sends one batch to the end, as the runtime's retry would; returns the attempts it took. */
  int deliver(EventBatch batch) throws PermanentExportException {
    for (int attempt = 1; attempt <= 10_000; attempt++) {
      attempts++;
      try {
        exporter.exportEvents(batch);
        return attempt;
      } catch (RetryableExportException e) {
        retries++;
        Duration backoff = Duration.ofSeconds(Math.min(60, 1L << Math.min(attempt - 1, 6)));
        clock.advance(e.retryAfter().orElse(backoff));
      } catch (PermanentExportException e) {
        throw e;
      } catch (Exception e) {
        throw new AssertionError("an exporter throws only export exceptions", e);
      }
    }
    throw new AssertionError("batch not delivered after 10000 attempts");
  }

  /** Stored events by event id (from the JSON messages): how many times each arrived. */
  Map<String, Integer> arrivals() {
    Map<String, Integer> counts = new HashMap<>();
    for (FakeCloudWatchLogs.Stored s : fake.stored()) {
      try {
        counts.merge(JSON.readTree(s.message()).path("event.id").asText(), 1, Integer::sum);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return counts;
  }

  /** Asserts that every sent event arrived exactly once after dedupe, and no request broke a limit. */
  void assertExactlyOnce(Collection<EventBatch> sent) {
    Set<String> ids = new HashSet<>();
    for (EventBatch batch : sent) {
      for (Event event : batch.events()) {
        ids.add(event.id());
      }
    }
    assertThat(fake.violations()).as("requests over a limit or malformed").isEmpty();
    assertThat(arrivals().keySet()).as("event ids stored").isEqualTo(ids);
    assertThat(fake.putSizes()).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(1_048_576));
  }

  long duplicates() {
    return arrivals().values().stream().mapToLong(n -> n - 1).sum();
  }

  static List<EventBatch> list(EventBatch... batches) {
    return List.of(batches);
  }

  @Override
  public void close() {
    exporter.shutdown();
    fake.close();
  }
}
