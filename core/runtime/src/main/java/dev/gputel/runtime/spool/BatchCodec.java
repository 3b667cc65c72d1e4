package dev.gputel.runtime.spool;

import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricKind;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.spi.data.Resource;
import dev.gputel.spi.data.Severity;
import dev.gputel.spi.data.TelemetryBatch;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a batch into bytes for the spool and back. Points of one GPU share one attributes object,
 * so each distinct object is written once and referred to by number after that.
 */
public final class BatchCodec {
  private static final byte VERSION = 1;
  private static final byte METRICS = 1;
  private static final byte EVENTS = 2;
  private static final byte STRING = 1;
  private static final byte LONG = 2;
  private static final byte DOUBLE = 3;
  private static final byte BOOLEAN = 4;

  private BatchCodec() {}

  public static byte[] encode(TelemetryBatch batch) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(256 + batch.size() * 64);
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(VERSION);
      Map<Attributes, Integer> table = new IdentityHashMap<>();
      switch (batch) {
        case MetricBatch metrics -> {
          out.writeByte(METRICS);
          writeAttributes(out, metrics.resource().attributes(), table);
          out.writeInt(metrics.points().size());
          for (MetricPoint point : metrics.points()) {
            writeString(out, point.name());
            out.writeDouble(point.value());
            writeString(out, point.unit());
            out.writeByte(point.kind().ordinal());
            writeInstant(out, point.timestamp());
            writeAttributes(out, point.attributes(), table);
          }
        }
        case EventBatch events -> {
          out.writeByte(EVENTS);
          writeAttributes(out, events.resource().attributes(), table);
          out.writeInt(events.events().size());
          for (Event event : events.events()) {
            writeInstant(out, event.timestamp());
            out.writeByte(event.severity().ordinal());
            writeString(out, event.body());
            writeAttributes(out, event.attributes(), table);
            writeString(out, event.id());
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** Decodes a payload written by {@link #encode}; throws IOException when it is not one. */
  public static TelemetryBatch decode(byte[] payload) throws IOException {
    DataInputStream in = new DataInputStream(new ByteArrayInputStream(payload));
    byte version = in.readByte();
    if (version != VERSION) {
      throw new IOException("unknown spool record version " + version);
    }
    byte signal = in.readByte();
    List<Attributes> table = new ArrayList<>();
    Resource resource = new Resource(readAttributes(in, table));
    int count = in.readInt();
    if (signal == METRICS) {
      List<MetricPoint> points = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        points.add(new MetricPoint(readString(in), in.readDouble(), readString(in),
            MetricKind.values()[in.readByte()], readInstant(in), readAttributes(in, table)));
      }
      return new MetricBatch(resource, points);
    }
    if (signal == EVENTS) {
      List<Event> events = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        events.add(new Event(readInstant(in), Severity.values()[in.readByte()], readString(in),
            readAttributes(in, table), readString(in)));
      }
      return new EventBatch(resource, events);
    }
    throw new IOException("unknown signal " + signal + " in spool record");
  }

  private static void writeAttributes(DataOutputStream out, Attributes attributes,
      Map<Attributes, Integer> table) throws IOException {
    Integer seen = table.get(attributes);
    if (seen != null) {
      out.writeInt(seen);
      return;
    }
    table.put(attributes, table.size());
    out.writeInt(-1);
    out.writeInt(attributes.size());
    for (Map.Entry<String, Object> entry : attributes.asMap().entrySet()) {
      writeString(out, entry.getKey());
      switch (entry.getValue()) {
        case String s -> {
          out.writeByte(STRING);
          writeString(out, s);
        }
        case Long l -> {
          out.writeByte(LONG);
          out.writeLong(l);
        }
        case Double d -> {
          out.writeByte(DOUBLE);
          out.writeDouble(d);
        }
        case Boolean b -> {
          out.writeByte(BOOLEAN);
          out.writeBoolean(b);
        }
        default -> throw new IllegalStateException("unexpected attribute value " + entry.getValue());
      }
    }
  }

  private static Attributes readAttributes(DataInputStream in, List<Attributes> table) throws IOException {
    int reference = in.readInt();
    if (reference >= 0) {
      if (reference >= table.size()) {
        throw new IOException("bad attribute reference " + reference);
      }
      return table.get(reference);
    }
    int size = in.readInt();
    Attributes.Builder builder = Attributes.builder();
    for (int i = 0; i < size; i++) {
      String key = readString(in);
      byte type = in.readByte();
      builder.put(key, switch (type) {
        case STRING -> readString(in);
        case LONG -> in.readLong();
        case DOUBLE -> in.readDouble();
        case BOOLEAN -> in.readBoolean();
        default -> throw new IOException("unknown attribute type " + type);
      });
    }
    Attributes attributes = builder.build();
    table.add(attributes);
    return attributes;
  }

  private static void writeString(DataOutputStream out, String value) throws IOException {
    byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
    out.writeInt(bytes.length);
    out.write(bytes);
  }

  private static String readString(DataInputStream in) throws IOException {
    int length = in.readInt();
    if (length < 0 || length > in.available()) {
      throw new IOException("bad string length " + length);
    }
    return new String(in.readNBytes(length), StandardCharsets.UTF_8);
  }

  private static void writeInstant(DataOutputStream out, Instant instant) throws IOException {
    out.writeLong(instant.getEpochSecond());
    out.writeInt(instant.getNano());
  }

  private static Instant readInstant(DataInputStream in) throws IOException {
    return Instant.ofEpochSecond(in.readLong(), in.readInt());
  }
}
