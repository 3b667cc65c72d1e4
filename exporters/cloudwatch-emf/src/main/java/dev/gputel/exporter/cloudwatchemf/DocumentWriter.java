package dev.gputel.exporter.cloudwatchemf;

import dev.gputel.cloudwatch.Rollups;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes one EMF document: {@code _aws} with the timestamp and up to two metric directives (the
 * metrics published with their own dimension set and the rollups; the metrics published only
 * through rollups), then the dimension values and metric values as root members.
 */
final class DocumentWriter {
  private static final JsonFactory JSON = new JsonFactory();

  private final EmfConfig config;
  private final List<String> dimensionNames;
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream(4096);

  DocumentWriter(EmfConfig config) {
    this.config = config;
    this.dimensionNames = config.identity().dimensionNames();
  }

  /**
   * @param keep metrics published with the group's own dimension set and its rollups
   * @param rollupOnly metrics published only with the rollups (drop-original-metrics)
   */
  byte[] write(MetricGroup group, Rollups.Sets sets, List<MetricGroup.Values> keep,
      List<MetricGroup.Values> rollupOnly) {
    buffer.reset();
    try (JsonGenerator json = JSON.createGenerator(buffer)) {
      json.writeStartObject();
      json.writeObjectFieldStart("_aws");
      json.writeNumberField("Timestamp", group.timestampMillis);
      json.writeArrayFieldStart("CloudWatchMetrics");
      if (!keep.isEmpty()) {
        directive(json, sets.own(), sets.rollups(), keep);
      }
      if (!rollupOnly.isEmpty()) {
        directive(json, null, sets.rollups(), rollupOnly);
      }
      json.writeEndArray();
      if (config.logGroupName() != null) {
        json.writeStringField("LogGroupName", config.logGroupName());
      }
      if (config.logStreamName() != null) {
        json.writeStringField("LogStreamName", config.logStreamName());
      }
      json.writeEndObject();
      for (int i : sets.own()) {
        json.writeStringField(dimensionNames.get(i), group.dimensionValues[i]);
      }
      values(json, keep);
      values(json, rollupOnly);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // Writing to memory does not fail.
    }
    return buffer.toByteArray();
  }

  private void directive(JsonGenerator json, int[] own, List<int[]> rollups, List<MetricGroup.Values> metrics)
      throws IOException {
    json.writeStartObject();
    json.writeStringField("Namespace", config.identity().namespace());
    json.writeArrayFieldStart("Dimensions");
    if (own != null) {
      dimensionSet(json, own);
    }
    for (int[] rollup : rollups) {
      dimensionSet(json, rollup);
    }
    json.writeEndArray();
    json.writeArrayFieldStart("Metrics");
    for (MetricGroup.Values values : metrics) {
      json.writeStartObject();
      json.writeStringField("Name", values.metric.name());
      json.writeStringField("Unit", values.metric.unit());
      if (config.highResolution()) {
        json.writeNumberField("StorageResolution", 1);
      }
      json.writeEndObject();
    }
    json.writeEndArray();
    json.writeEndObject();
  }

  private void dimensionSet(JsonGenerator json, int[] indexes) throws IOException {
    json.writeStartArray();
    for (int i : indexes) {
      json.writeString(dimensionNames.get(i));
    }
    json.writeEndArray();
  }

  private static void values(JsonGenerator json, List<MetricGroup.Values> metrics) throws IOException {
    for (MetricGroup.Values values : metrics) {
      json.writeFieldName(values.metric.name());
      if (values.count() == 1) {
        number(json, values.get(0));
      } else {
        json.writeStartArray();
        for (int i = 0; i < values.count(); i++) {
          number(json, values.get(i));
        }
        json.writeEndArray();
      }
    }
  }

  /** Whole numbers (memory in MiB, clocks, counts) without ".0": shorter documents. */
  private static void number(JsonGenerator json, double value) throws IOException {
    if (value == Math.rint(value) && Math.abs(value) < 0x1p53) {
      json.writeNumber((long) value);
    } else {
      json.writeNumber(value);
    }
  }
}
