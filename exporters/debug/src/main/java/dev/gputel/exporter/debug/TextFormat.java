package dev.gputel.exporter.debug;

import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;

/** Human-readable lines: a summary per batch, then one line per point or event when detailed. */
final class TextFormat {
  private TextFormat() {}

  static void metrics(StringBuilder out, MetricBatch batch, boolean detailed) {
    out.append("metrics: ").append(batch.size()).append(" point(s)");
    resource(out, batch.resource().attributes());
    out.append('\n');
    if (detailed) {
      for (MetricPoint point : batch.points()) {
        out.append("  ").append(point.name());
        attributes(out, point.attributes());
        out.append(' ').append(number(point.value())).append(' ').append(point.unit())
            .append(' ').append(point.kind().name().toLowerCase(java.util.Locale.ROOT))
            .append(" @ ").append(point.timestamp()).append('\n');
      }
    }
  }

  static void events(StringBuilder out, EventBatch batch, boolean detailed) {
    out.append("events: ").append(batch.size()).append(" event(s)");
    resource(out, batch.resource().attributes());
    out.append('\n');
    if (detailed) {
      for (Event event : batch.events()) {
        out.append("  ").append(event.timestamp()).append(' ').append(event.severity()).append(' ')
            .append(event.body());
        if (!event.attributes().isEmpty()) {
          out.append("  ");
          attributes(out, event.attributes());
        }
        out.append('\n');
      }
    }
  }

  private static void resource(StringBuilder out, Attributes resource) {
    if (!resource.isEmpty()) {
      out.append(" resource");
      attributes(out, resource);
    }
  }

  private static void attributes(StringBuilder out, Attributes attributes) {
    if (attributes.isEmpty()) {
      return;
    }
    out.append('{');
    boolean[] first = {true};
    attributes.forEach((key, value) -> {
      out.append(first[0] ? "" : ", ").append(key).append('=').append(value);
      first[0] = false;
    });
    out.append('}');
  }

  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
  }
}
