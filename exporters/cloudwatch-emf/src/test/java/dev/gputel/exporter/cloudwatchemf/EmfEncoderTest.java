package dev.gputel.exporter.cloudwatchemf;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.spi.data.Resource;
import dev.gputel.testing.RecordingTelemetry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class EmfEncoderTest {
  static final Instant T = Instant.parse("2026-07-14T08:12:53.353Z");
  static final Attributes GPU0 = Attributes.builder().put("gpu.index", 0L).put("hw.id", "GPU-0")
      .put("hw.model", "NVIDIA H100 80GB HBM3").build();
  static final Attributes GPU1 = Attributes.builder().put("gpu.index", 1L).put("hw.id", "GPU-1")
      .put("hw.model", "NVIDIA H100 80GB HBM3").put("gpu.architecture", "Hopper").build();

  private final RecordingTelemetry telemetry = new RecordingTelemetry();

  @Test
  void eachGpuSampleIsOneDocumentWithTheCloudWatchAgentsNamesUnitsAndDimensions() {
    MetricBatch batch = new MetricBatch(Resource.empty(), List.of(
        MetricPoint.gauge("utilization_gpu", 100, "%", T, GPU0),
        MetricPoint.gauge("memory_used", 81_004, "MiBy", T, GPU0),
        MetricPoint.gauge("power_draw", 631.95, "W", T, GPU0),
        MetricPoint.gauge("utilization_gpu", 3, "%", T, GPU1)));

    List<JsonNode> documents = EmfSchema.assertValid(Emf.encode("", telemetry, batch));

    assertThat(documents).hasSize(2);
    JsonNode gpu0 = documents.getFirst();
    assertThat(gpu0.toString()).isEqualTo("{\"_aws\":{\"Timestamp\":" + T.toEpochMilli() + ",\"CloudWatchMetrics\":[{"
        + "\"Namespace\":\"CWAgent\",\"Dimensions\":[[\"host\",\"index\",\"name\"]],\"Metrics\":["
        + "{\"Name\":\"nvidia_smi_utilization_gpu\",\"Unit\":\"None\"},"
        + "{\"Name\":\"nvidia_smi_memory_used\",\"Unit\":\"None\"},"
        + "{\"Name\":\"nvidia_smi_power_draw\",\"Unit\":\"None\"}]}]},"
        + "\"host\":\"test-host\",\"index\":\"0\",\"name\":\"NVIDIA H100 80GB HBM3\","
        + "\"nvidia_smi_utilization_gpu\":100,\"nvidia_smi_memory_used\":81004,\"nvidia_smi_power_draw\":631.95}");
    assertThat(dimensionSets(documents.get(1))).as("arch is a dimension where it is known")
        .containsExactly(List.of("host", "index", "name", "arch"));
    assertThat(documents.get(1).get("arch").asString()).isEqualTo("Hopper");
  }

  @Test
  void properUnitsUseTheCloudWatchUnitWhereThereIsOne() {
    MetricBatch batch = new MetricBatch(Resource.empty(), List.of(
        MetricPoint.gauge("utilization_gpu", 100, "%", T, GPU0),
        MetricPoint.gauge("memory_used", 81_004, "MiBy", T, GPU0),
        MetricPoint.gauge("power_draw", 631.95, "W", T, GPU0),
        MetricPoint.gauge("encoder_stats_average_latency", 12, "us", T, GPU0),
        MetricPoint.gauge("loadavg_1m", 0.5, "1", T, Attributes.empty()),
        MetricPoint.gauge("disk_read", 10, "By/s", T, Attributes.empty())));

    List<JsonNode> documents = EmfSchema.assertValid(Emf.encode("units = proper", telemetry, batch));

    assertThat(units(documents)).containsExactly(
        Map.entry("nvidia_smi_utilization_gpu", "Percent"), Map.entry("nvidia_smi_memory_used", "Megabytes"),
        Map.entry("nvidia_smi_power_draw", "None"), Map.entry("nvidia_smi_encoder_stats_average_latency", "Microseconds"),
        Map.entry("loadavg_1m", "None"), Map.entry("disk_read", "Bytes/Second"));
  }

  @Test
  void notFiniteValuesAreDroppedAndCounted() {
    MetricBatch batch = new MetricBatch(Resource.empty(), List.of(
        MetricPoint.gauge("utilization_gpu", Double.NaN, "%", T, GPU0),
        MetricPoint.gauge("power_draw", Double.POSITIVE_INFINITY, "W", T, GPU0),
        MetricPoint.gauge("power_draw", Double.NEGATIVE_INFINITY, "W", T, GPU1),
        MetricPoint.gauge("temperature_gpu", 1e200 * 1e200 / 1e200, "Cel", T, GPU1),
        MetricPoint.gauge("memory_used", 17, "MiBy", T, GPU0)));

    List<JsonNode> documents = EmfSchema.assertValid(Emf.encode("", telemetry, batch));

    assertThat(documents).hasSize(1);
    assertThat(metricNames(documents.getFirst())).containsExactly("nvidia_smi_memory_used");
    assertThat(telemetry.count("emf_points_dropped", Map.of("reason", "not_finite"))).isEqualTo(4);
  }

  @Test
  void moreThanOneHundredMetricsAreSplitIntoDocumentsOfAtMostOneHundred() {
    List<MetricPoint> points = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      points.add(MetricPoint.gauge("plugin_metric_" + i, i, "1", T, GPU0));
    }

    List<JsonNode> documents = EmfSchema.assertValid(Emf.encode("", telemetry, new MetricBatch(Resource.empty(), points)));

    assertThat(documents).extracting(d -> metricNames(d).size()).containsExactly(100, 100, 50);
    assertThat(documents).allSatisfy(d -> assertThat(d.get("index").asString()).isEqualTo("0"));
  }

  @Test
  void aDocumentOverTheSizeLimitIsSplitUntilEachFits() {
    List<MetricPoint> points = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      points.add(MetricPoint.gauge("a_rather_long_plugin_metric_name_number_" + i, i * 1.5, "1", T, GPU0));
    }
    String body = "max-document-size = 2KiB, append-dimensions { Label = \"" + "x".repeat(600) + "\" }";

    List<String> documents = Emf.encode(body, telemetry, new MetricBatch(Resource.empty(), points));

    EmfSchema.assertValid(documents);
    assertThat(documents).hasSizeGreaterThan(2).allSatisfy(d -> assertThat(d.length()).isLessThanOrEqualTo(2048));
    assertThat(documents.stream().mapToInt(d -> metricNames(EmfSchema.JSON.readTree(d)).size()).sum()).isEqualTo(40);
  }

  @Test
  void aSingleMetricThatCannotFitIsDroppedAndCounted() {
    String body = "max-document-size = 1KiB, append-dimensions { Label = \"" + "x".repeat(1000) + "\" }";

    List<String> documents = Emf.encode(body, telemetry,
        new MetricBatch(Resource.empty(), List.of(MetricPoint.gauge("utilization_gpu", 1, "%", T, GPU0))));

    assertThat(documents).isEmpty();
    assertThat(telemetry.count("emf_points_dropped", Map.of("reason", "document_too_large"))).isEqualTo(1);
  }

  @Test
  void anIntervalUnderOneMinuteStoresAtHighResolution() {
    MetricBatch batch = new MetricBatch(Resource.empty(), List.of(MetricPoint.gauge("utilization_gpu", 1, "%", T, GPU0)));

    JsonNode fast = EmfSchema.assertValid(Emf.encode("metrics-collection-interval = 10s", telemetry, batch).getFirst());
    JsonNode slow = EmfSchema.assertValid(Emf.encode("metrics-collection-interval = 60s", telemetry, batch).getFirst());

    assertThat(definitions(fast).getFirst().get("StorageResolution").asInt()).isEqualTo(1);
    assertThat(definitions(slow).getFirst().has("StorageResolution")).isFalse();
  }

  @Test
  void hostComesFromTheResourceElseTheLocalHostname() {
    MetricPoint point = MetricPoint.gauge("utilization_gpu", 1, "%", T, GPU0);

    JsonNode fromResource = EmfSchema.assertValid(Emf.encode("", telemetry,
        new MetricBatch(new Resource(Attributes.of("host.name", "ip-10-0-0-1")), List.of(point))).getFirst());
    JsonNode local = EmfSchema.assertValid(Emf.encode("", telemetry,
        new MetricBatch(Resource.empty(), List.of(point))).getFirst());

    assertThat(fromResource.get("host").asString()).isEqualTo("ip-10-0-0-1");
    assertThat(local.get("host").asString()).isEqualTo(Emf.HOSTNAME);
  }

  @Test
  void aRepeatedSampleBecomesAnArrayOfValues() {
    MetricBatch batch = new MetricBatch(Resource.empty(), List.of(
        MetricPoint.gauge("utilization_gpu", 10, "%", T, GPU0), MetricPoint.gauge("utilization_gpu", 20, "%", T, GPU0)));

    JsonNode document = EmfSchema.assertValid(Emf.encode("", telemetry, batch).getFirst());

    assertThat(document.get("nvidia_smi_utilization_gpu").toString()).isEqualTo("[10,20]");
  }

  @Test
  void samplesAtDifferentTimesAreDifferentDocuments() {
    MetricBatch batch = new MetricBatch(Resource.empty(), List.of(
        MetricPoint.gauge("utilization_gpu", 10, "%", T, GPU0),
        MetricPoint.gauge("utilization_gpu", 20, "%", T.plusSeconds(1), GPU0)));

    List<JsonNode> documents = EmfSchema.assertValid(Emf.encode("", telemetry, batch));

    assertThat(documents).extracting(d -> d.get("_aws").get("Timestamp").asLong())
        .containsExactly(T.toEpochMilli(), T.toEpochMilli() + 1000);
  }

  @Test
  void aDimensionValueOverTheLimitDropsThePointAndIsCounted() {
    Attributes longName = Attributes.builder().put("gpu.index", 0L).put("hw.model", "n".repeat(1025)).build();
    MetricBatch batch = new MetricBatch(Resource.empty(), List.of(
        MetricPoint.gauge("utilization_gpu", 10, "%", T, longName), MetricPoint.gauge("utilization_gpu", 10, "%", T, GPU0)));

    List<JsonNode> documents = EmfSchema.assertValid(Emf.encode("", telemetry, batch));

    assertThat(documents).hasSize(1);
    assertThat(telemetry.count("emf_points_dropped", Map.of("reason", "dimension_value_too_long"))).isEqualTo(1);
  }

  static List<List<String>> dimensionSets(JsonNode document) {
    List<List<String>> sets = new ArrayList<>();
    for (JsonNode directive : document.get("_aws").get("CloudWatchMetrics")) {
      for (JsonNode set : directive.get("Dimensions")) {
        sets.add(set.valueStream().map(JsonNode::asString).toList());
      }
    }
    return sets;
  }

  static List<JsonNode> definitions(JsonNode document) {
    List<JsonNode> definitions = new ArrayList<>();
    for (JsonNode directive : document.get("_aws").get("CloudWatchMetrics")) {
      directive.get("Metrics").forEach(definitions::add);
    }
    return definitions;
  }

  static List<String> metricNames(JsonNode document) {
    return definitions(document).stream().map(d -> d.get("Name").asString()).toList();
  }

  private static List<Map.Entry<String, String>> units(List<JsonNode> documents) {
    return documents.stream().flatMap(d -> definitions(d).stream())
        .map(d -> Map.entry(d.get("Name").asString(), d.get("Unit").asString())).toList();
  }
}
