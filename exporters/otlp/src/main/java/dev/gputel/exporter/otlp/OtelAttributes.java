package dev.gputel.exporter.otlp;

import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Turns gputel attributes (text, long, double, boolean) into OpenTelemetry attributes of the same types. */
final class OtelAttributes {
  private OtelAttributes() {}

  static Attributes of(dev.gputel.spi.data.Attributes attributes) {
    return of(attributes, UnaryOperator.identity());
  }

  /** Converts with each key passed through {@code rename}. */
  static Attributes of(dev.gputel.spi.data.Attributes attributes, UnaryOperator<String> rename) {
    if (attributes.isEmpty()) {
      return Attributes.empty();
    }
    AttributesBuilder out = Attributes.builder();
    putAll(out, attributes, rename);
    return out.build();
  }

  static void putAll(AttributesBuilder out, dev.gputel.spi.data.Attributes attributes, UnaryOperator<String> rename) {
    for (Map.Entry<String, Object> entry : attributes.asMap().entrySet()) {
      String key = rename.apply(entry.getKey());
      switch (entry.getValue()) {
        case Long l -> out.put(key, l);
        case Double d -> out.put(key, d);
        case Boolean b -> out.put(key, b);
        default -> out.put(key, entry.getValue().toString());
      }
    }
  }

  /** Parses the catalog's {@code k=v,k=v} convention attributes. */
  static Attributes parse(String pairs) {
    AttributesBuilder out = Attributes.builder();
    if (!pairs.isEmpty()) {
      for (String pair : pairs.split(",")) {
        int eq = pair.indexOf('=');
        out.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
      }
    }
    return out.build();
  }
}
