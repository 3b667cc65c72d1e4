package dev.gputel.cloudwatch;

import static dev.gputel.cloudwatch.ConfigChecks.bad;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.gputel.gpu.GpuMetric;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * How a point becomes a CloudWatch metric, the part the cloudwatch-emf and cloudwatch exporters share:
 * namespace, dimensions (with append-dimensions), aggregation-dimensions rollups,
 * drop-original-metrics, metric-overrides and the unit mode. Read from the keys of the same names, which both
 * exporters' reference.conf define with the CloudWatch agent's meaning.
 */
public record MetricIdentity(
    String namespace,
    List<DimensionSpec> dimensions,
    List<List<String>> rollups,
    Set<String> dropOriginal,
    UnitMode units,
    Map<String, MetricOverride> overrides) {

  /** CloudWatch: at most 30 dimensions per metric (EMF DimensionSet and PutMetricData alike). */
  public static final int MAX_DIMENSIONS = 30;
  /** Everything in drop-original-metrics. */
  public static final String ALL = "*";

  public static MetricIdentity from(Config config) {
    String namespace = config.getString("namespace");
    if (namespace.isEmpty() || namespace.length() > 255 || namespace.startsWith("AWS/") || namespace.startsWith(":")
        || !namespace.chars().allMatch(c -> c > 0x1f && c < 0x7f)) {
      throw bad(config, "namespace", "'" + namespace + "' must be 1 to 255 printable ASCII characters"
          + " and not start with AWS/ or ':'");
    }
    List<DimensionSpec> dimensions = dimensions(config);
    Map<String, MetricOverride> overrides = MetricOverride.read(config);
    return new MetricIdentity(namespace, dimensions, rollups(config, dimensions), dropOriginal(config, overrides),
        ConfigChecks.option(config, "units", UnitMode.class), overrides);
  }

  /** The names and units points are published with. */
  public PublishedMetric.Cache publishedNames() {
    return new PublishedMetric.Cache(units, overrides);
  }

  /** Returns whether a metric goes out only through its rollups. */
  public boolean dropsOriginal(String cloudWatchName) {
    return !dropOriginal.isEmpty() && (dropOriginal.contains(ALL) || dropOriginal.contains(cloudWatchName));
  }

  /** The configured dimension names, in order. */
  public List<String> dimensionNames() {
    return dimensions.stream().map(DimensionSpec::name).toList();
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

  /** The published names of the metrics listed, a renamed one under its new name. */
  private static Set<String> dropOriginal(Config config, Map<String, MetricOverride> overrides) {
    Set<String> names = new LinkedHashSet<>();
    for (String id : config.getStringList("drop-original-metrics")) {
      String pointName = GpuMetric.byId(id).map(GpuMetric::id).orElse(id);
      MetricOverride override = overrides.get(pointName);
      names.add(id.equals(ALL) ? ALL : override != null && override.rename().isPresent() ? override.rename().get()
          : GpuMetric.byId(id).map(GpuMetric::cloudWatchName).orElse(id));
    }
    return Set.copyOf(names);
  }
}
