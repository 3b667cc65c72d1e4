package dev.gputel.exporter.cloudwatchlogs;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.Resource;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Map;

/**
 * Turns an event into a log event's message: a flat JSON object, or the body as read (the kernel
 * line, or an EMF document for {@code raw-emf}).
 */
public final class EventFormat {
  private static final JsonFactory JSON = JsonFactory.builder().build();

  private final CloudWatchLogsConfig.Format format;

  EventFormat(CloudWatchLogsConfig.Format format) {
    this.format = format;
  }

  /** The {@code format = json} formatter. */
  public static EventFormat json() {
    return new EventFormat(CloudWatchLogsConfig.Format.JSON);
  }

  /** The {@code format = raw} formatter. */
  public static EventFormat raw() {
    return new EventFormat(CloudWatchLogsConfig.Format.RAW);
  }

  /** Returns the log event's message for {@code event} of a batch from {@code resource}. */
  public String message(Event event, Resource resource) {
    return format == CloudWatchLogsConfig.Format.JSON ? json(event, resource) : raw(event);
  }

  /** The body without its line end: one line in the file, one event in the stream. */
  private static String raw(Event event) {
    String body = event.body();
    int end = body.length();
    while (end > 0 && (body.charAt(end - 1) == '\n' || body.charAt(end - 1) == '\r')) {
      end--;
    }
    return end == body.length() ? body : body.substring(0, end);
  }

  /**
   * Flat, so Logs Insights sees {@code xid.code} as a field: time, severity, body and id first, then
   * the event's attributes, then resource attributes the event does not carry itself.
   */
  private static String json(Event event, Resource resource) {
    StringWriter out = new StringWriter(256 + event.body().length());
    try (JsonGenerator g = JSON.createGenerator(out)) {
      g.writeStartObject();
      g.writeStringField("time", Instant.ofEpochMilli(event.timestamp().toEpochMilli()).toString());
      g.writeStringField("severity", event.severity().name());
      g.writeStringField("body", raw(event));
      g.writeStringField("event.id", event.id());
      for (Map.Entry<String, Object> e : event.attributes().asMap().entrySet()) {
        write(g, e.getKey(), e.getValue());
      }
      for (Map.Entry<String, Object> e : resource.attributes().asMap().entrySet()) {
        if (event.attributes().get(e.getKey()) == null) {
          write(g, e.getKey(), e.getValue());
        }
      }
      g.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // A StringWriter does not fail.
    }
    return out.toString();
  }

  private static void write(JsonGenerator g, String key, Object value) throws IOException {
    switch (value) {
      case Long l -> g.writeNumberField(key, l);
      case Double d when d.isNaN() || d.isInfinite() -> g.writeStringField(key, d.toString());
      case Double d -> g.writeNumberField(key, d);
      case Boolean b -> g.writeBooleanField(key, b);
      default -> g.writeStringField(key, value.toString());
    }
  }
}
