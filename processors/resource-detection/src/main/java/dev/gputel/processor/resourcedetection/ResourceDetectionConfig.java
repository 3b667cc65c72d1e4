package dev.gputel.processor.resourcedetection;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import dev.gputel.aws.PlaceholderResolver;
import dev.gputel.spi.component.Suggestions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The processor's settings, see its reference.conf, read at once; endpoints left empty are taken
 * from the environment here, so that what the processor will ask is known before it starts.
 */
record ResourceDetectionConfig(
    List<DetectorType> detectors, Duration refreshInterval, Duration retryInterval, Duration startupWait,
    boolean override, Map<String, Object> attributes, Ec2Settings ec2, EcsSettings ecs) {

  static final Duration MAX_TOKEN_TTL = Duration.ofSeconds(21_600);

  ResourceDetectionConfig {
    detectors = List.copyOf(detectors);
    attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
  }

  static ResourceDetectionConfig from(Config config, Map<String, String> env) {
    Ec2Settings ec2 = new Ec2Settings(
        endpoint(config, "ec2.endpoint", env.getOrDefault(Ec2Settings.ENDPOINT_ENV, ""))
            .orElse(URI.create(Ec2Settings.DEFAULT_ENDPOINT)),
        positive(config, "ec2.timeout"), tokenTtl(config),
        config.getBoolean("ec2.imds-v1-fallback"), config.getBoolean("ec2.autoscaling-group-from-tags"),
        config.getBoolean("ec2.describe-tags"), endpoint(config, "ec2.describe-tags-endpoint", ""));
    String devices = config.getString("ecs.visible-devices");
    EcsSettings ecs = new EcsSettings(
        endpoint(config, "ecs.endpoint", env.getOrDefault(EcsSettings.ENDPOINT_ENV, "")),
        positive(config, "ecs.timeout"),
        VisibleDevices.of(devices.isEmpty() ? env.get(EcsSettings.VISIBLE_DEVICES_ENV) : devices));
    return new ResourceDetectionConfig(detectors(config), positive(config, "refresh-interval"),
        positive(config, "retry-interval"), config.getDuration("startup-wait"), config.getBoolean("override"),
        attributes(config), ec2, ecs);
  }

  private static List<DetectorType> detectors(Config config) {
    List<DetectorType> detectors = new ArrayList<>();
    for (String id : config.getStringList("detectors")) {
      DetectorType type = DetectorType.byId(id).orElseThrow(() -> new ConfigException.BadValue(
          config.getValue("detectors").origin(), "detectors", "'" + id + "' is not one of "
              + String.join(", ", DetectorType.ids()) + Suggestions.hint(id, DetectorType.ids())));
      if (detectors.contains(type)) {
        throw new ConfigException.BadValue(config.getValue("detectors").origin(), "detectors",
            "'" + id + "' is listed twice");
      }
      detectors.add(type);
    }
    return detectors;
  }

  /** Reads an endpoint; an empty one falls back to {@code fromEnv}; both empty is none. */
  private static Optional<URI> endpoint(Config config, String key, String fromEnv) {
    String written = config.getString(key).strip();
    String value = written.isEmpty() ? fromEnv.strip() : written;
    if (value.isEmpty()) {
      return Optional.empty();
    }
    URI uri;
    try {
      uri = URI.create(value);
    } catch (IllegalArgumentException e) {
      throw bad(config, key, "'" + value + "' is not a URI: " + e.getMessage());
    }
    if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
      throw bad(config, key, "'" + value + "' is not an http:// address"
          + (written.isEmpty() ? " (read from the environment)" : ""));
    }
    return Optional.of(uri);
  }

  private static Duration positive(Config config, String key) {
    Duration value = config.getDuration(key);
    if (value.isZero() || value.isNegative()) {
      throw bad(config, key, "must be more than 0, not " + value);
    }
    return value;
  }

  private static Duration tokenTtl(Config config) {
    Duration ttl = positive(config, "ec2.token-ttl");
    if (ttl.compareTo(Duration.ofSeconds(1)) < 0 || ttl.compareTo(MAX_TOKEN_TTL) > 0) {
      throw bad(config, "ec2.token-ttl", "IMDS accepts 1s to 6h (21600 seconds), not " + ttl);
    }
    return ttl;
  }

  /** Flattens the attributes object (unquoted dotted keys nest in HOCON) into key = value. */
  private static Map<String, Object> attributes(Config config) {
    Map<String, Object> attributes = new LinkedHashMap<>();
    flatten(config, "", config.getObject("attributes"), attributes);
    return attributes;
  }

  private static void flatten(Config config, String prefix, ConfigObject object, Map<String, Object> into) {
    for (Map.Entry<String, ConfigValue> entry : object.entrySet()) {
      String key = prefix + entry.getKey();
      ConfigValue value = entry.getValue();
      switch (value.valueType()) {
        case OBJECT -> flatten(config, key + ".", (ConfigObject) value, into);
        case STRING -> into.put(key, placeholdersChecked(value, key));
        case NUMBER, BOOLEAN -> into.put(key, value.unwrapped());
        default -> throw new ConfigException.BadValue(value.origin(), "attributes." + key,
            "an attribute value is text, a number or a boolean, not " + value.valueType().name().toLowerCase());
      }
    }
  }

  private static String placeholdersChecked(ConfigValue value, String key) {
    String text = (String) value.unwrapped();
    List<String> unknown = PlaceholderResolver.unknownAwsPlaceholders(text);
    if (!unknown.isEmpty()) {
      String name = unknown.getFirst().substring("${aws:".length(), unknown.getFirst().length() - 1);
      throw new ConfigException.BadValue(value.origin(), "attributes." + key, unknown.getFirst()
          + " is not a placeholder the CloudWatch agent knows; it knows ${aws:"
          + String.join("}, ${aws:", PlaceholderResolver.AWS_NAMES.stream().sorted().toList()) + "}"
          + Suggestions.hint(name, PlaceholderResolver.AWS_NAMES));
    }
    return text;
  }

  private static ConfigException bad(Config config, String key, String message) {
    return new ConfigException.BadValue(config.getValue(key).origin(), key, message);
  }
}
