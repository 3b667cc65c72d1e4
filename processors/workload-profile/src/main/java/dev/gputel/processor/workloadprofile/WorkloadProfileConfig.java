package dev.gputel.processor.workloadprofile;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.gputel.spi.component.Suggestions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The processor's settings, see its reference.conf: the profile, what to add to it and what to
 * take out, resolved at once into the set of GPU catalog ids it keeps.
 */
record WorkloadProfileConfig(Profile profile, Set<String> kept) {

  WorkloadProfileConfig {
    kept = Set.copyOf(kept);
  }

  static WorkloadProfileConfig from(Config config) {
    Profile profile = profile(config);
    Set<String> include = ids(config, "include-metrics");
    Set<String> exclude = ids(config, "exclude-metrics");
    Set<String> both = new TreeSet<>(include);
    both.retainAll(exclude);
    if (!both.isEmpty()) {
      throw new ConfigException.BadValue(config.getValue("exclude-metrics").origin(), "exclude-metrics",
          "also in include-metrics, so it is unclear whether to keep it: " + String.join(", ", both));
    }
    Set<String> kept = new TreeSet<>(profile.ids());
    kept.addAll(include);
    kept.removeAll(exclude);
    if (kept.isEmpty()) {
      String key = profile == Profile.CUSTOM ? "include-metrics" : "exclude-metrics";
      throw new ConfigException.BadValue(config.getValue(key).origin(), key,
          "profile " + profile.id() + " would keep no GPU metric"
              + (profile == Profile.CUSTOM ? ": list the ones to keep in include-metrics" : ""));
    }
    return new WorkloadProfileConfig(profile, kept);
  }

  private static Profile profile(Config config) {
    String written = config.getString("profile");
    List<String> names = Arrays.stream(Profile.values()).map(Profile::id).toList();
    return Profile.byId(written).orElseThrow(() -> new ConfigException.BadValue(
        config.getValue("profile").origin(), "profile",
        "'" + written + "' is not one of " + String.join(", ", names) + Suggestions.hint(written, names)));
  }

  /** Reads a list of catalog ids, reporting every unknown one in a single error at the first. */
  private static Set<String> ids(Config config, String key) {
    Set<String> ids = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    ConfigValue firstUnknown = null;
    for (ConfigValue value : config.getList(key)) {
      String written = value.valueType() == ConfigValueType.STRING ? (String) value.unwrapped() : null;
      Optional<String> id = written == null ? Optional.empty() : GpuCatalog.lookup(written);
      if (id.isPresent()) {
        ids.add(id.get());
        continue;
      }
      unknown.add(written == null
          ? value.render() + " is not a metric id"
          : "'" + written + "' is not a GPU metric id" + Suggestions.hint(GpuCatalog.normalise(written), GpuCatalog.ids()));
      firstUnknown = firstUnknown == null ? value : firstUnknown;
    }
    if (firstUnknown != null) {
      throw new ConfigException.BadValue(firstUnknown.origin(), key, String.join("; ", unknown));
    }
    return ids;
  }
}
