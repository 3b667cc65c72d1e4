package dev.gputel.exporter.prometheus;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the samples of a text exposition: {@code name{labels}} as printed, to its value. */
final class Exposition {
  private Exposition() {}

  static Map<String, Double> samples(String text) {
    Map<String, Double> samples = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
    }
    return samples;
  }
}
