package dev.gputel.processor.xidclassifier;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import dev.gputel.spi.data.Severity;
import dev.gputel.xid.GpuIdentity;
import dev.gputel.xid.PciBusId;
import dev.gputel.xid.SeverityPolicy;
import dev.gputel.xid.SeverityPreset;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The processor's settings; see its reference.conf for each key. */
record XidClassifierConfig(
    SeverityPolicy severityPolicy, Duration burstSilenceGap, Duration fallenOffBusWindow, Duration nvmlDuplicateWindow,
    List<GpuIdentity> gpus) {
  private static final Set<String> GPU_KEYS = Set.of("pci-bus-id", "index", "uuid", "name");

  XidClassifierConfig {
    gpus = List.copyOf(gpus);
  }

  static XidClassifierConfig from(Config config) {
    SeverityPreset preset;
    try {
      preset = SeverityPreset.byId(config.getString("severity-policy"));
    } catch (IllegalArgumentException e) {
      throw new ConfigException.BadValue(config.getValue("severity-policy").origin(), "severity-policy", e.getMessage());
    }
    return new XidClassifierConfig(new SeverityPolicy(preset, overrides(config)),
        positive(config, "burst-silence-gap"), positive(config, "fallen-off-bus-window"),
        positive(config, "nvml-duplicate-window"), gpus(config));
  }

  private static Map<Integer, Severity> overrides(Config config) {
    Map<Integer, Severity> overrides = new TreeMap<>();
    for (Map.Entry<String, ConfigValue> entry : config.getObject("severity-overrides").entrySet()) {
      ConfigValue value = entry.getValue();
      int code;
      try {
        code = Integer.parseInt(entry.getKey());
      } catch (NumberFormatException e) {
        throw new ConfigException.BadValue(value.origin(), "severity-overrides." + entry.getKey(),
            "'" + entry.getKey() + "' is not an Xid number");
      }
      String written = String.valueOf(value.unwrapped());
      try {
        overrides.put(code, Severity.valueOf(written.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw new ConfigException.BadValue(value.origin(), "severity-overrides." + entry.getKey(),
            "'" + written + "' is not a severity; use debug, info, warn, error or fatal");
      }
    }
    return overrides;
  }

  private static Duration positive(Config config, String key) {
    Duration duration = config.getDuration(key);
    if (duration.isNegative() || duration.isZero()) {
      throw new ConfigException.BadValue(config.getValue(key).origin(), key, "must be positive");
    }
    return duration;
  }

  private static List<GpuIdentity> gpus(Config config) {
    List<GpuIdentity> gpus = new ArrayList<>();
    for (ConfigValue value : config.getList("gpus")) {
      if (value.valueType() != ConfigValueType.OBJECT) {
        throw new ConfigException.BadValue(value.origin(), "gpus", "each GPU is an object { pci-bus-id = ..., index = ... }");
      }
      ConfigObject object = (ConfigObject) value;
      for (String key : object.keySet()) {
        if (!GPU_KEYS.contains(key)) {
          throw new ConfigException.BadValue(object.get(key).origin(), "gpus",
              "unknown key '" + key + "'; a GPU has pci-bus-id, index, uuid and name");
        }
      }
      Config gpu = object.toConfig();
      if (!gpu.hasPath("pci-bus-id")) {
        throw new ConfigException.BadValue(value.origin(), "gpus", "a GPU needs its pci-bus-id");
      }
      PciBusId busId = PciBusId.parse(gpu.getString("pci-bus-id"));
      if (busId == null) {
        throw new ConfigException.BadValue(gpu.getValue("pci-bus-id").origin(), "gpus",
            "'" + gpu.getString("pci-bus-id") + "' is not a PCI address such as 00000000:3B:00.0 or 0000:3b:00");
      }
      Long index = gpu.hasPath("index") ? gpu.getLong("index") : null;
      if (index != null && index < 0) {
        throw new ConfigException.BadValue(gpu.getValue("index").origin(), "gpus", "index must not be negative");
      }
      gpus.add(new GpuIdentity(busId, index, gpu.hasPath("uuid") ? gpu.getString("uuid") : null,
          gpu.hasPath("name") ? gpu.getString("name") : null));
    }
    return gpus;
  }
}
