package dev.gputel.exporter.cloudwatchemf;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * What the CloudWatch agent publishes for one GPU sample under an agent JSON configuration, by the
 * agent's own rules (sources in src/test/resources/emf/SOURCE.md): namespace (default CWAgent),
 * {@code nvidia_smi_<measurement>} names, the GPU's tags index, name and arch, host unless global
 * append_dimensions apply, the append_dimensions whose value is known, and the
 * aggregation_dimensions rollups of ProcessRollup / GetUniqueRollupList.
 */
final class CloudWatchAgentModel {
  /** One published metric: what identifies it in CloudWatch, apart from the dimension values. */
  record Published(String namespace, String metricName, Set<String> dimensions, String unit) {}

  private final JsonNode metrics;

  CloudWatchAgentModel(JsonNode agentConfig) {
    this.metrics = agentConfig.get("metrics");
  }

  /**
   * @param gpuTags the nvidia_smi input's tags the agent keeps (index, name and, from XML schema
   *     v12, arch)
   * @param ec2 what IMDS and DescribeTags return: InstanceId, ImageId, InstanceType and, in an Auto
   *     Scaling group, AutoScalingGroupName
   */
  Set<Published> publish(Map<String, String> gpuTags, Map<String, String> ec2) {
    String namespace = metrics.has("namespace") ? metrics.get("namespace").asString() : "CWAgent";
    Map<String, String> tags = new LinkedHashMap<>(gpuTags);
    tags.put("host", "ip-10-0-0-1");
    JsonNode append = metrics.get("append_dimensions");
    if (append != null && !append.isEmpty()) {
      for (String key : append.propertyNames()) {
        String placeholder = append.get(key).asString();
        String value = ec2.get(placeholder.substring("${aws:".length(), placeholder.length() - 1));
        if (value != null) {
          tags.put(key, value);
        }
      }
      tags.remove("host"); // ec2tagger: "If append_dimensions are applied, then remove the host dimension."
    }
    Set<String> own = tags.keySet();
    List<Set<String>> sets = new ArrayList<>(List.of(own));
    for (Set<String> rollup : uniqueRollups()) {
      if (rollup.size() < own.size() && own.containsAll(rollup)) {
        sets.add(rollup);
      }
    }
    Set<Published> published = new LinkedHashSet<>();
    for (JsonNode measurement : metrics.get("metrics_collected").get("nvidia_gpu").get("measurement")) {
      String field = measurement.isString() ? measurement.asString() : measurement.get("name").asString();
      String name = "nvidia_smi_" + field.replaceFirst("^nvidia_smi_", "");
      for (Set<String> set : sets) {
        published.add(new Published(namespace, name, Set.copyOf(set), "None"));
      }
    }
    return published;
  }

  private List<Set<String>> uniqueRollups() {
    Set<Set<String>> unique = new LinkedHashSet<>();
    JsonNode rollups = metrics.get("aggregation_dimensions");
    if (rollups != null) {
      for (JsonNode rollup : rollups) {
        Set<String> keys = new TreeSet<>();
        rollup.forEach(key -> keys.add(key.asString()));
        unique.add(keys);
      }
    }
    return List.copyOf(unique);
  }
}
