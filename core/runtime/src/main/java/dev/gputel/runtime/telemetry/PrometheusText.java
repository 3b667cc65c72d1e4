package dev.gputel.runtime.telemetry;

import java.util.List;
import java.util.Map;

/** Writes metric families in the Prometheus text exposition format, version 0.0.4. */
public final class PrometheusText {
  public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

  private PrometheusText() {}

  public static String format(List<MetricFamily> families) {
    StringBuilder out = new StringBuilder(4096);
    for (MetricFamily family : families) {
      out.append("# HELP ").append(family.name()).append(' ');
      escape(out, family.help(), false);
      out.append('\n');
      out.append("# TYPE ").append(family.name()).append(' ');
      out.append(family.type() == MetricFamily.Type.COUNTER ? "counter" : "gauge").append('\n');
      for (MetricFamily.Sample sample : family.samples()) {
        out.append(family.name());
        appendLabels(out, sample.labels());
        out.append(' ').append(number(sample.value())).append('\n');
      }
    }
    return out.toString();
  }

  private static void appendLabels(StringBuilder out, Map<String, String> labels) {
    if (labels.isEmpty()) {
      return;
    }
    out.append('{');
    boolean first = true;
    for (Map.Entry<String, String> label : labels.entrySet()) {
      if (!first) {
        out.append(',');
      }
      first = false;
      out.append(label.getKey()).append("=\"");
      escape(out, label.getValue(), true);
      out.append('"');
    }
    out.append('}');
  }

  private static void escape(StringBuilder out, String text, boolean quote) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '"' -> out.append(quote ? "\\\"" : "\"");
        default -> out.append(c);
      }
    }
  }

  private static String number(double value) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "+Inf" : "-Inf";
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return Double.toString(value);
  }
}
