package dev.gputel.exporter.cloudwatchemf;

import static dev.gputel.exporter.cloudwatchemf.ConfigChecks.bad;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.gputel.gpu.GpuMetric;
import dev.gputel.spi.component.ConfigPaths;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** The cloudwatch-emf exporter's settings; see its reference.conf for each key. */
record EmfConfig(
    String namespace,
    List<DimensionSpec> dimensions,
    List<List<String>> rollups,
    Set<String> dropOriginal,
    UnitMode units,
    boolean highResolution,
    int maxDocumentBytes,
    OutputKind output,
    FileSettings file,
    AgentSettings agent,
    String logGroupName,
    String logStreamName) {

  /** EMF: at most 30 keys in a DimensionSet. */
  static final int MAX_DIMENSIONS = 30;
  /** A CloudWatch Logs event, counting the 26 bytes PutLogEvents adds to each, is at most 1 MiB. */
  static final int MAX_EVENT_BYTES = 1_048_576;
  static final int PUT_LOG_EVENTS_OVERHEAD = 26;
  /** Everything in drop-original-metrics. */
  static final String ALL = "*";

  record FileSettings(Path path, long maxBytes, int keep) {}

  record AgentSettings(AgentEndpoint endpoint, Duration connectTimeout, Duration initialBackoff, Duration maxBackoff) {}

  static EmfConfig from(Config config) {
    String namespace = config.getString("namespace");
    if (namespace.isEmpty() || namespace.length() > 255 || namespace.startsWith("AWS/") || namespace.startsWith(":")
        || !namespace.chars().allMatch(c -> c > 0x1f && c < 0x7f)) {
      throw bad(config, "namespace", "'" + namespace + "' must be 1 to 255 printable ASCII characters"
          + " and not start with AWS/ or ':'");
    }
    List<DimensionSpec> dimensions = dimensions(config);
    long bytes = config.getBytes("max-document-size");
    if (bytes < 1024 || bytes > MAX_EVENT_BYTES) {
      throw bad(config, "max-document-size", bytes + " bytes is not between 1KiB and 1MiB");
    }
    Duration interval = config.getDuration("metrics-collection-interval");
    if (interval.isNegative() || interval.isZero()) {
      throw bad(config, "metrics-collection-interval", "must be positive");
    }
    OutputKind output = ConfigChecks.option(config, "output", OutputKind.class);
    return new EmfConfig(namespace, dimensions, rollups(config, dimensions), dropOriginal(config),
        ConfigChecks.option(config, "units", UnitMode.class), interval.compareTo(Duration.ofSeconds(60)) < 0,
        (int) Math.min(bytes, MAX_EVENT_BYTES - PUT_LOG_EVENTS_OVERHEAD), output,
        output == OutputKind.FILE ? file(config) : null, agent(config),
        ConfigChecks.optionalString(config, "log-group-name"), ConfigChecks.optionalString(config, "log-stream-name"));
  }

  private static List<DimensionSpec> dimensions(Config config) {
    Map<String, DimensionSpec> byName = new LinkedHashMap<>();
    for (String name : config.getStringList("dimensions")) {
      DimensionSpec spec = DimensionSpec.builtIn(name).orElseThrow(() -> bad(config, "dimensions",
          "'" + name + "' is not host or a GPU identity dimension (index, uuid, name, pci_bus_id, serial,"
              + " vbios, driver, arch, mig_mode); add other dimensions with append-dimensions"));
      if (byName.put(name, spec) != null) {
        throw bad(config, "dimensions", "'" + name + "' is listed twice");
      }
    }
    for (Map.Entry<String, ConfigValue> entry : config.getObject("append-dimensions").entrySet()) {
      String name = entry.getKey();
      ConfigValue value = entry.getValue();
      String path = "append-dimensions." + name;
      if (name.isEmpty() || name.length() > 250 || name.startsWith(":")
          || !name.chars().allMatch(c -> c > 0x1f && c < 0x7f)) {
        throw new ConfigException.BadValue(value.origin(), path,
            "a dimension name is 1 to 250 printable ASCII characters, not starting with ':'");
      }
      if (byName.containsKey(name)) {
        throw new ConfigException.BadValue(value.origin(), path, "'" + name + "' is already a dimension");
      }
      if (value.valueType() != ConfigValueType.STRING) {
        throw new ConfigException.BadValue(value.origin(), path, "must be a string (quote ${aws:...} placeholders)");
      }
      try {
        byName.put(name, DimensionSpec.appended(name, (String) value.unwrapped()));
      } catch (IllegalArgumentException e) {
        throw new ConfigException.BadValue(value.origin(), path, e.getMessage());
      }
    }
    if (byName.size() > MAX_DIMENSIONS) {
      throw bad(config, "dimensions", byName.size() + " dimensions with append-dimensions; CloudWatch allows "
          + MAX_DIMENSIONS);
    }
    return List.copyOf(byName.values());
  }

  /** The agent's GetUniqueRollupList: each set de-duplicated and sorted, then the sets de-duplicated. */
  private static List<List<String>> rollups(Config config, List<DimensionSpec> dimensions) {
    Set<String> names = new LinkedHashSet<>();
    dimensions.forEach(d -> names.add(d.name()));
    Set<List<String>> unique = new LinkedHashSet<>();
    for (List<?> set : config.getList("aggregation-dimensions").unwrapped().stream()
        .map(v -> v instanceof List<?> l ? l : null).toList()) {
      if (set == null) {
        throw bad(config, "aggregation-dimensions", "must be a list of lists, such as [[InstanceId], []]");
      }
      TreeSet<String> keys = new TreeSet<>();
      for (Object key : set) {
        if (!names.contains(String.valueOf(key))) {
          throw bad(config, "aggregation-dimensions", "'" + key + "' is not one of the dimensions "
              + names + " (a rollup can only keep dimensions the metrics have)");
        }
        keys.add(String.valueOf(key));
      }
      unique.add(List.copyOf(keys));
    }
    return List.copyOf(unique);
  }

  private static Set<String> dropOriginal(Config config) {
    Set<String> names = new LinkedHashSet<>();
    for (String id : config.getStringList("drop-original-metrics")) {
      names.add(id.equals(ALL) ? ALL : GpuMetric.byId(id).map(GpuMetric::cloudWatchName).orElse(id));
    }
    return Set.copyOf(names);
  }

  private static FileSettings file(Config config) {
    if (config.getIsNull("file.path")) {
      throw bad(config, "output", "output = file needs file.path");
    }
    long maxBytes = config.getBytes("file.max-size");
    int keep = config.getInt("file.keep");
    if (maxBytes < MAX_EVENT_BYTES) {
      throw bad(config, "file.max-size", "must be at least 1MiB, the largest document");
    }
    if (keep < 1) {
      throw bad(config, "file.keep", "must be at least 1");
    }
    return new FileSettings(ConfigPaths.path(config, "file.path"), maxBytes, keep);
  }

  private static AgentSettings agent(Config config) {
    AgentEndpoint endpoint;
    try {
      endpoint = AgentEndpoint.parse(config.getString("agent.endpoint"));
    } catch (IllegalArgumentException e) {
      throw bad(config, "agent.endpoint", e.getMessage());
    }
    List<String> durations = List.of("agent.connect-timeout", "agent.initial-backoff", "agent.max-backoff");
    List<Duration> values = new ArrayList<>();
    for (String key : durations) {
      Duration value = config.getDuration(key);
      if (value.isNegative() || value.isZero()) {
        throw bad(config, key, "must be positive");
      }
      values.add(value);
    }
    return new AgentSettings(endpoint, values.get(0), values.get(1), values.get(2));
  }

  /** Returns whether a metric goes out only through its rollups. */
  boolean dropsOriginal(String cloudWatchName) {
    return !dropOriginal.isEmpty() && (dropOriginal.contains(ALL) || dropOriginal.contains(cloudWatchName));
  }
}
