package dev.gputel.exporter.cloudwatchemf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigException;
import dev.gputel.exporter.cloudwatchlogs.FakeCloudWatchLogs;
import dev.gputel.spi.component.ComponentId;
import dev.gputel.spi.component.ComponentKind;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.ComponentStatus;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.spi.data.Resource;
import dev.gputel.spi.exporter.RetryableExportException;
import dev.gputel.testing.ManualClock;
import dev.gputel.testing.RecordingTelemetry;
import dev.gputel.testing.TestHost;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import tools.jackson.databind.JsonNode;

/**
 * output = cloudwatch-logs against the cloudwatch-logs module's fake service, which speaks
 * awsJson1.1 to the real SDK client and rejects calls over PutLogEvents' limits as the service does.
 */
class PutLogEventsOutputTest {
  private static final Instant T = Instant.parse("2026-07-14T08:12:53Z");
  private static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider.create(
      AwsBasicCredentials.create("AKIAIOSFODNN7EXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"));

  @TempDir Path directory;
  private final ManualClock clock = new ManualClock(T.plusSeconds(3600));
  private final RecordingTelemetry telemetry = new RecordingTelemetry();
  private FakeCloudWatchLogs fake;
  private EmfExporter exporter;

  private EmfExporter start(String body) throws Exception {
    fake = new FakeCloudWatchLogs(clock::instant);
    EmfConfig config = Emf.settings("output = cloudwatch-logs, cloudwatch-logs { region = us-east-1, endpoint = \""
        + fake.endpoint() + "\" }\n" + body);
    exporter = new EmfExporter(config, new ComponentSettings(
        new ComponentId(ComponentKind.EXPORTER, "cloudwatch-emf", ""), telemetry, clock, directory, "test"),
        () -> CREDENTIALS);
    exporter.start(new TestHost());
    return exporter;
  }

  @AfterEach
  void stop() {
    if (exporter != null) {
      exporter.shutdown();
    }
    if (fake != null) {
      fake.close();
    }
  }

  @Test
  void eachDocumentIsOneEventWithTheEmfHeaderInACreatedGroupAndStream() throws Exception {
    start("cloudwatch-logs.log-stream-name = gpu-host-1");
    List<MetricBatch> batches = new ArrayList<>();
    batches.addAll(Captures.batches(Captures.H100_LOAD, Resource.empty(), T));
    batches.addAll(Captures.batches(Captures.RTX_2080_LOAD, Resource.empty(), T.plusSeconds(600)));
    for (MetricBatch batch : batches) {
      exporter.exportMetrics(batch);
    }

    List<FakeCloudWatchLogs.Stored> stored = fake.stored();
    long written = telemetry.count("emf_documents_written");
    assertThat(written).isGreaterThanOrEqualTo(batches.size());
    assertThat(stored).hasSize((int) written);
    assertThat(fake.violations()).isEmpty();
    assertThat(fake.lastHeader("x-amzn-logs-format")).isEqualTo("json/emf");
    assertThat(fake.calls("CreateLogGroup")).isEqualTo(1);
    assertThat(fake.streamExists("emf/logs/default", "gpu-host-1")).isTrue();
    List<JsonNode> documents = EmfSchema.assertValid(stored.stream().map(FakeCloudWatchLogs.Stored::message).toList());
    for (int i = 0; i < stored.size(); i++) {
      assertThat(stored.get(i).group()).isEqualTo("emf/logs/default");
      assertThat(stored.get(i).stream()).isEqualTo("gpu-host-1");
      // The event's time is the document's, so CloudWatch files the metrics at the sample time.
      assertThat(stored.get(i).timestamp()).isEqualTo(documents.get(i).path("_aws").path("Timestamp").asLong());
    }
    assertThat(telemetry.statuses().getLast()).isEqualTo(ComponentStatus.ok());
  }

  @Test
  void aBatchOverOneCallsLimitIsSplitIntoCallsTheServiceAccepts() throws Exception {
    start("");
    // 1,500 seconds of the H100 capture in one batch: well over the 1 MiB one call may carry.
    List<MetricPoint> points = new ArrayList<>();
    for (MetricBatch batch : Captures.seconds(Captures.H100_LOAD, Resource.empty(), T, 1500)) {
      points.addAll(batch.points());
    }
    exporter.exportMetrics(new MetricBatch(Resource.empty(), points));

    long written = telemetry.count("emf_documents_written");
    assertThat(fake.violations()).as("calls over a limit").isEmpty();
    assertThat(fake.stored()).hasSize((int) written);
    assertThat(fake.calls("PutLogEvents")).isGreaterThan(1);
    assertThat(fake.putSizes()).allSatisfy(size -> assertThat(size).isLessThanOrEqualTo(1_048_576));
  }

  @Test
  void throttlingIsRetryableAndTheRetryDeliversTheDocumentsOnce() throws Exception {
    start("cloudwatch-logs.log-stream-name = s");
    fake.faults(n -> n == 1 ? FakeCloudWatchLogs.Fault.THROTTLE : FakeCloudWatchLogs.Fault.NONE);
    MetricBatch batch = Captures.batches(Captures.H100_LOAD, Resource.empty(), T).getFirst();

    assertThatThrownBy(() -> exporter.exportMetrics(batch))
        .isInstanceOf(RetryableExportException.class)
        .hasMessageContaining("Rate exceeded");
    assertThat(fake.stored()).isEmpty();
    assertThat(telemetry.statuses().getLast().up()).isFalse();

    exporter.exportMetrics(batch);
    assertThat(fake.stored()).hasSize((int) telemetry.count("emf_documents_written")).isNotEmpty();
    assertThat(telemetry.statuses().getLast()).isEqualTo(ComponentStatus.ok());
  }

  @Test
  void documentsTheServiceWouldRejectForTheirTimeAreCountedNotSent() throws Exception {
    start("");
    MetricBatch old = Captures.batches(Captures.H100_LOAD, Resource.empty(), T.minusSeconds(15L * 86_400)).getFirst();

    exporter.exportMetrics(old);
    assertThat(fake.calls("PutLogEvents")).isZero();
    assertThat(telemetry.count("emf_documents_rejected")).isGreaterThan(0);
  }

  @Test
  void aLogGroupNameTheServiceRefusesIsAConfigurationError() {
    assertThatThrownBy(() -> Emf.settings("cloudwatch-logs.log-group-name = \"aws/reserved\""))
        .isInstanceOf(ConfigException.BadValue.class)
        .hasMessageContaining("cloudwatch-logs.log-group-name");
  }
}
