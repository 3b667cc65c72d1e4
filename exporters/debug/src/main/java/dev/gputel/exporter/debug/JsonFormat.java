package dev.gputel.exporter.debug;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * JSON lines: one object per point or event, with the resource's attributes inlined, so that each
 * line stands alone for {@code jq} and tests.
 */
final class JsonFormat {
  private static final JsonFactory JSON = new JsonFactory();

  private JsonFormat() {}

  static void metrics(StringBuilder out, MetricBatch batch) {
    for (MetricPoint point : batch.points()) {
      out.append(object(json -> {
        json.writeStringField("signal", "metrics");
        json.writeStringField("name", point.name());
        json.writeNumberField("value", point.value());
        json.writeStringField("unit", point.unit());
        json.writeStringField("kind", point.kind().name().toLowerCase(java.util.Locale.ROOT));
        json.writeStringField("timestamp", point.timestamp().toString());
        attributes(json, "attributes", point.attributes());
        attributes(json, "resource", batch.resource().attributes());
      })).append('\n');
    }
  }

  static void events(StringBuilder out, EventBatch batch) {
    for (Event event : batch.events()) {
      out.append(object(json -> {
        json.writeStringField("signal", "events");
        json.writeStringField("timestamp", event.timestamp().toString());
        json.writeStringField("severity", event.severity().name());
        json.writeStringField("body", event.body());
        json.writeStringField("id", event.id());
        attributes(json, "attributes", event.attributes());
        attributes(json, "resource", batch.resource().attributes());
      })).append('\n');
    }
  }

  private interface Fields {
    void write(JsonGenerator json) throws IOException;
  }

  private static String object(Fields fields) {
    StringWriter text = new StringWriter(256);
    try (JsonGenerator json = JSON.createGenerator(text)) {
      json.writeStartObject();
      fields.write(json);
      json.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  private static void attributes(JsonGenerator json, String name, Attributes attributes) throws IOException {
    json.writeObjectFieldStart(name);
    for (Map.Entry<String, Object> entry : attributes.asMap().entrySet()) {
      switch (entry.getValue()) {
        case Long l -> json.writeNumberField(entry.getKey(), l);
        case Double d -> json.writeNumberField(entry.getKey(), d);
        case Boolean b -> json.writeBooleanField(entry.getKey(), b);
        default -> json.writeStringField(entry.getKey(), entry.getValue().toString());
      }
    }
    json.writeEndObject();
  }
}
