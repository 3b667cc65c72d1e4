package dev.gputel.runtime.cwagent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.gputel.runtime.config.ConfigProblems;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CloudWatchAgentConverterTest {
  /** The configuration of the AWS blog on GPU telemetry; see config/examples/cloudwatch-agent/README.md. */
  private static final Path BLOG = Path.of("../../config/examples/cloudwatch-agent/aws-gpu-telemetry-blog.json");

  @TempDir Path dir;

  private final CloudWatchAgentConverter converter = new CloudWatchAgentConverter(ConversionOptions.DEFAULTS);

  @Test
  void theBlogsConfigurationBecomesTheAgentsMetricsAndLogFile() {
    Conversion conversion = converter.convert(BLOG);
    Config gputel = ConfigFactory.parseString(conversion.hocon()).getConfig("gputel");

    assertThat(conversion.warnings()).isEmpty();
    assertThat(conversion.runAsUser()).contains("root");
    assertThat(gputel.getString("receivers.nvml.interval")).isEqualTo("60s");
    assertThat(gputel.getString("processors.workload-profile.profile")).isEqualTo("custom");
    assertThat(gputel.getStringList("processors.workload-profile.include-metrics")).containsExactly(
        "utilization_gpu", "utilization_memory", "memory_total", "memory_used", "memory_free",
        "clocks_current_graphics", "clocks_current_sm", "clocks_current_memory", "clocks_current_video");
    Config exporter = gputel.getConfig("exporters.cloudwatch");
    assertThat(exporter.getString("namespace")).isEqualTo("CWAgent");
    // The agent leaves host out when the global append_dimensions are set.
    assertThat(exporter.getStringList("dimensions")).containsExactly("index", "name", "arch");
    assertThat(exporter.getConfig("append-dimensions").root().unwrapped()).containsExactlyInAnyOrderEntriesOf(
        java.util.Map.of("AutoScalingGroupName", "${aws:AutoScalingGroupName}", "ImageId", "${aws:ImageId}",
            "InstanceId", "${aws:InstanceId}", "InstanceType", "${aws:InstanceType}"));
    assertThat(exporter.getList("aggregation-dimensions").unwrapped()).isEqualTo(List.of(List.of("InstanceId")));
    assertThat(exporter.getString("metrics-collection-interval")).isEqualTo("60s");

    Config file = gputel.getConfig("receivers.\"kernel-log/file-1\"");
    assertThat(file.getString("source")).isEqualTo("file");
    assertThat(file.getStringList("match")).isEmpty();
    assertThat(file.getStringList("file.paths")).containsExactly("/var/log/gpuerrors.log");
    Config logs = gputel.getConfig("exporters.\"cloudwatch-logs/file-1\"");
    assertThat(logs.getString("log-group-name")).isEqualTo("accel-error-log");
    assertThat(logs.getString("log-stream-name")).isEqualTo("{instance_id}");
    assertThat(logs.getString("format")).isEqualTo("raw");
    assertThat(gputel.getStringList("pipelines.metrics.receivers")).containsExactly("nvml");
    assertThat(gputel.getStringList("pipelines.\"events/file-1\".exporters")).containsExactly("cloudwatch-logs/file-1");
  }

  @Test
  void measurementsTakeThePrefixAndTheObjectFormWithRenameAndUnit() throws IOException {
    Config gputel = convert("""
        {"agent": {"metrics_collection_interval": 10, "omit_hostname": true},
         "metrics": {"namespace": "GPU/Fleet", "metrics_collected": {"nvidia_gpu": {
           "measurement": ["nvidia_smi_utilization_gpu",
                           {"name": "memory_used", "rename": "GPUMemoryUsed", "unit": "Megabytes"},
                           {"name": "nvidia_smi_temperature_gpu", "unit": "None"}],
           "append_dimensions": {"Team": "ml"},
           "drop_original_metrics": ["utilization_gpu"]}}}}
        """);
    Config exporter = gputel.getConfig("exporters.cloudwatch");
    assertThat(gputel.getStringList("processors.workload-profile.include-metrics"))
        .containsExactly("utilization_gpu", "memory_used", "temperature_gpu");
    assertThat(exporter.getString("namespace")).isEqualTo("GPU/Fleet");
    assertThat(exporter.getStringList("dimensions")).containsExactly("index", "name", "arch");
    assertThat(exporter.getString("append-dimensions.Team")).isEqualTo("ml");
    assertThat(exporter.getString("metric-overrides.memory_used.rename")).isEqualTo("GPUMemoryUsed");
    assertThat(exporter.getString("metric-overrides.memory_used.unit")).isEqualTo("Megabytes");
    assertThat(exporter.getString("metric-overrides.temperature_gpu.unit")).isEqualTo("None");
    assertThat(exporter.hasPath("metric-overrides.utilization_gpu")).isFalse();
    assertThat(exporter.getStringList("drop-original-metrics")).containsExactly("utilization_gpu");
    assertThat(gputel.getString("receivers.nvml.interval")).isEqualTo("10s");
  }

  @Test
  void withoutGlobalDimensionsHostStaysAndThePluginIntervalWinsUnderEitherPluginName() throws IOException {
    Config gputel = convert("""
        {"agent": {"metrics_collection_interval": 30},
         "metrics": {"metrics_collected": {"nvidia_smi": {"measurement": ["power_draw"],
           "metrics_collection_interval": 5}}}}
        """);
    assertThat(gputel.getStringList("exporters.cloudwatch.dimensions")).containsExactly("host", "index", "name", "arch");
    assertThat(gputel.getString("receivers.nvml.interval")).isEqualTo("5s");
    assertThat(gputel.getString("exporters.cloudwatch.metrics-collection-interval")).isEqualTo("5s");
  }

  @Test
  void anUnknownMeasurementIsAnErrorWithItsLineAndASuggestion() throws IOException {
    Path file = write("""
        {"metrics": {"metrics_collected": {"nvidia_gpu": {
          "measurement": ["utilization_gpu",
                          "utilisation_gpu"]}}}}
        """);
    assertThatThrownBy(() -> converter.convert(file)).isInstanceOf(ConfigProblems.class)
        .hasMessageContaining("cwagent.json:3: metrics.metrics_collected.nvidia_gpu.measurement[1]")
        .hasMessageContaining("did you mean 'utilization_gpu'");
  }

  @Test
  void everyKeyNotCarriedOverIsWarnedAboutByName() throws IOException {
    Path file = write("""
        {"agent": {"debug": true, "logfile": "/opt/aws/amazon-cloudwatch-agent/logs/agent.log"},
         "metrics": {"append_dimensions": {"InstanceId": "${aws:InstanceId}", "Cluster": "a"},
           "metrics_collected": {"cpu": {"measurement": ["usage_idle"]},
             "nvidia_gpu": {"measurement": ["utilization_gpu"], "fieldpass": ["x"],
               "append_dimensions": {"aws:StorageResolution": "true"}}}},
         "logs": {"concurrency": 2, "logs_collected": {"journald": {"collect_list": []},
           "files": {"collect_list": [{"file_path": "/var/log/a.log", "multi_line_start_pattern": "^x",
             "filters": []}, {"file_path": "/var/log/*.log"}]}}},
         "traces": {}}
        """);
    List<String> warnings = converter.convert(file).warnings();
    assertThat(warnings).anySatisfy(w -> assertThat(w).contains("agent.debug").contains("GPUTEL_LOG_LEVEL"))
        .anySatisfy(w -> assertThat(w).contains("agent.logfile"))
        .anySatisfy(w -> assertThat(w).contains("metrics.append_dimensions.Cluster"))
        .anySatisfy(w -> assertThat(w).contains("metrics.metrics_collected.cpu").contains("GPU metrics only"))
        .anySatisfy(w -> assertThat(w).contains("metrics.metrics_collected.nvidia_gpu.fieldpass"))
        .anySatisfy(w -> assertThat(w).contains("nvidia_gpu.append_dimensions.aws:StorageResolution"))
        .anySatisfy(w -> assertThat(w).contains("logs.concurrency"))
        .anySatisfy(w -> assertThat(w).contains("logs.logs_collected.journald"))
        .anySatisfy(w -> assertThat(w).contains("collect_list[0].multi_line_start_pattern"))
        .anySatisfy(w -> assertThat(w).contains("collect_list[0].filters"))
        .anySatisfy(w -> assertThat(w).contains("collect_list[1].file_path").contains("glob"))
        .anySatisfy(w -> assertThat(w).endsWith("cwagent.json:9: traces: traces are not collected by gputel; ignored"));
    assertThat(warnings).hasSize(12);
    assertThat(converter.convert(file).hocon()).contains("# Not carried over:").doesNotContain("file-2");
  }

  @Test
  void collectListEntriesTakeTheAgentsDefaultsAndTheirTimestampFormat() throws IOException {
    Config gputel = convert("""
        {"agent": {"region": "eu-west-1"},
         "logs": {"log_stream_name": "{hostname}-gpu", "force_flush_interval": 15,
           "logs_collected": {"files": {"collect_list": [
             {"file_path": "/var/log/nvidia/xid.log", "retention_in_days": 30,
              "timestamp_format": "%Y-%m-%d %H:%M:%S", "timezone": "UTC"},
             {"file_path": "/var/log/app", "retention_in_days": -1}]}}}}
        """);
    Config first = gputel.getConfig("exporters.\"cloudwatch-logs/file-1\"");
    assertThat(first.getString("log-group-name")).isEqualTo("/var/log/nvidia/xid");
    assertThat(first.getString("log-stream-name")).isEqualTo("{hostname}-gpu");
    assertThat(first.getInt("retention-days")).isEqualTo(30);
    assertThat(first.getString("region")).isEqualTo("eu-west-1");
    Config reader = gputel.getConfig("receivers.\"kernel-log/file-1\".file");
    assertThat(reader.getString("timestamp-format")).isEqualTo("%Y-%m-%d %H:%M:%S");
    assertThat(reader.getString("timezone")).isEqualTo("utc");
    Config second = gputel.getConfig("exporters.\"cloudwatch-logs/file-2\"");
    assertThat(second.getString("log-group-name")).isEqualTo("/var/log/app");
    assertThat(second.hasPath("retention-days")).isFalse();
    assertThat(gputel.hasPath("pipelines.metrics")).isFalse();
  }

  @Test
  void theEmfListenerListensWhereTheAgentDoes() throws IOException {
    Config both = convert("{\"logs\": {\"metrics_collected\": {\"emf\": {}}}}");
    assertThat(both.getString("receivers.emf.tcp")).isEqualTo("0.0.0.0:25888");
    assertThat(both.getString("receivers.emf.udp")).isEqualTo("0.0.0.0:25888");
    Config exporter = both.getConfig("exporters.\"cloudwatch-logs/emf\"");
    assertThat(exporter.getString("log-group-name")).isEqualTo("emf/logs/default");
    assertThat(exporter.getString("format")).isEqualTo("raw-emf");
    assertThat(exporter.getBoolean("route-by-event")).isTrue();
    assertThat(both.getStringList("pipelines.\"events/emf\".receivers")).containsExactly("emf");

    Config udp = convert("{\"logs\": {\"metrics_collected\": {\"emf\": {\"service_address\": \"udp://127.0.0.1:25888\"}}}}");
    assertThat(udp.getIsNull("receivers.emf.tcp")).isTrue();
    assertThat(udp.getString("receivers.emf.udp")).isEqualTo("127.0.0.1:25888");
  }

  @Test
  void theOtherReceiverAndEmfExporterAreChosenByOptions() throws IOException {
    Path file = write("""
        {"agent": {"region": "us-west-2"}, "metrics": {"metrics_collected": {"nvidia_gpu": {"measurement": ["fan_speed"]}}}}
        """);
    Config gputel = ConfigFactory.parseString(new CloudWatchAgentConverter(
        new ConversionOptions("nvidia-smi", "cloudwatch-emf")).convert(file).hocon()).getConfig("gputel");
    assertThat(gputel.getStringList("pipelines.metrics.receivers")).containsExactly("nvidia-smi");
    assertThat(gputel.getString("exporters.cloudwatch-emf.output")).isEqualTo("cloudwatch-logs");
    assertThat(gputel.getString("exporters.cloudwatch-emf.cloudwatch-logs.region")).isEqualTo("us-west-2");
  }

  @Test
  void brokenJsonIsAnErrorWithItsLine() throws IOException {
    Path file = write("{\"metrics\": {\n  \"namespace\": \"x\",,\n}}");
    assertThatThrownBy(() -> converter.convert(file)).isInstanceOf(ConfigProblems.class)
        .hasMessageContaining("cwagent.json:2");
  }

  @Test
  void aMissingMeasurementListIsAnError() throws IOException {
    Path file = write("{\"metrics\": {\"metrics_collected\": {\"nvidia_gpu\": {\"metrics_collection_interval\": 0}}}}");
    assertThatThrownBy(() -> converter.convert(file)).isInstanceOf(ConfigProblems.class)
        .hasMessageContaining("nvidia_gpu.measurement: required")
        .hasMessageContaining("0 is outside 1 to 172800 seconds");
  }

  private Config convert(String json) throws IOException {
    return ConfigFactory.parseString(converter.convert(write(json)).hocon()).getConfig("gputel");
  }

  private Path write(String json) throws IOException {
    return Files.writeString(dir.resolve("cwagent.json"), json);
  }
}
