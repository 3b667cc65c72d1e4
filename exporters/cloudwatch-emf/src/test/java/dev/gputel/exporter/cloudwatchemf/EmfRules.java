package dev.gputel.exporter.cloudwatchemf;

import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * The EMF specification's rules that its JSON schema does not express: each referenced name is a
 * root member of the right type, at most 100 metrics per directive, at most 100 values per metric,
 * dimension values of at most 1024 characters, documents of at most 1 MiB with PutLogEvents' 26
 * bytes, and no metric defined twice with different resolutions.
 */
final class EmfRules {
  private EmfRules() {}

  static List<String> violations(JsonNode document, int bytes) {
    List<String> problems = new ArrayList<>();
    if (bytes + 26 > 1_048_576) {
      problems.add("document of " + bytes + " bytes is over the 1 MiB event limit");
    }
    for (JsonNode directive : document.path("_aws").path("CloudWatchMetrics")) {
      if (directive.path("Metrics").size() > 100) {
        problems.add("directive with " + directive.path("Metrics").size() + " metrics; at most 100");
      }
      for (JsonNode set : directive.path("Dimensions")) {
        for (JsonNode key : set) {
          JsonNode target = document.get(key.asString());
          if (target == null || !target.isString()) {
            problems.add("dimension '" + key.asString() + "' has no string root member");
          } else if (target.asString().length() > 1024) {
            problems.add("dimension '" + key.asString() + "' is over 1024 characters");
          }
        }
      }
      for (JsonNode metric : directive.path("Metrics")) {
        String name = metric.path("Name").asString();
        JsonNode target = document.get(name);
        boolean numbers = target != null && (target.isNumber()
            || target.isArray() && target.size() <= 100 && allNumbers(target));
        if (!numbers) {
          problems.add("metric '" + name + "' has no numeric root member (or an array of at most 100 numbers)");
        }
        JsonNode resolution = metric.get("StorageResolution");
        if (resolution != null && resolution.asInt() != 1 && resolution.asInt() != 60) {
          problems.add("metric '" + name + "' has StorageResolution " + resolution + "; 1 or 60");
        }
      }
    }
    return problems;
  }

  private static boolean allNumbers(JsonNode array) {
    for (JsonNode value : array) {
      if (!value.isNumber()) {
        return false;
      }
    }
    return true;
  }
}
