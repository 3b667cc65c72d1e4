package dev.gputel.exporter.cloudwatchlogs;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import dev.gputel.spi.component.ConfigPaths;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The cloudwatch-logs exporter's settings; see its reference.conf for each key. */
record CloudWatchLogsConfig(
    String logGroupName,
    String logStreamName,
    Format format,
    boolean routeByEvent,
    Optional<Integer> retentionDays,
    Optional<String> region,
    Optional<URI> endpoint,
    Optional<Path> alsoWriteFile,
    Duration requestTimeout,
    int sdkMaxAttempts) {

  enum Format {
    JSON,
    RAW,
    /** The body unchanged, sent with the {@code x-amzn-logs-format: json/emf} header. */
    RAW_EMF
  }

  /** PutRetentionPolicy's accepted values. */
  static final Set<Integer> RETENTION_DAYS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365,
      400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

  /** A group name with its placeholders: the service's characters plus braces. */
  private static final Pattern GROUP = Pattern.compile("[.\\-_/#A-Za-z0-9{}]{1,512}");

  static CloudWatchLogsConfig from(Config config) {
    String group = config.getString("log-group-name");
    if (!GROUP.matcher(group).matches() || group.startsWith("aws/")) {
      throw bad(config, "log-group-name", "'" + group + "' is not a log group name: 1-512 of "
          + "letters, digits and . - _ / #, not starting with aws/");
    }
    String stream = config.getString("log-stream-name");
    if (stream.isEmpty() || stream.length() > 512 || stream.indexOf(':') >= 0 || stream.indexOf('*') >= 0) {
      throw bad(config, "log-stream-name", "'" + stream + "' is not a log stream name: 1-512 characters, no : or *");
    }
    NameTemplate.check(group, config.getValue("log-group-name").origin(), "log-group-name");
    NameTemplate.check(stream, config.getValue("log-stream-name").origin(), "log-stream-name");
    Format format = switch (config.getString("format").toLowerCase(Locale.ROOT)) {
      case "json" -> Format.JSON;
      case "raw" -> Format.RAW;
      case "raw-emf" -> Format.RAW_EMF;
      default -> throw bad(config, "format", "'" + config.getString("format") + "' is not one of json, raw, raw-emf");
    };
    Optional<Integer> retention = Optional.empty();
    if (!config.getIsNull("retention-days")) {
      int days = config.getInt("retention-days");
      if (!RETENTION_DAYS.contains(days)) {
        throw bad(config, "retention-days", days + " is not a retention CloudWatch Logs accepts: "
            + RETENTION_DAYS.stream().sorted().toList());
      }
      retention = Optional.of(days);
    }
    Optional<String> region = config.getIsNull("region") ? Optional.empty() : Optional.of(config.getString("region"));
    Optional<URI> endpoint = Optional.empty();
    if (!config.getIsNull("endpoint")) {
      String text = config.getString("endpoint");
      try {
        URI uri = new URI(text);
        if (uri.getScheme() == null || uri.getHost() == null) {
          throw bad(config, "endpoint", "'" + text + "' is not an absolute http(s) URL");
        }
        endpoint = Optional.of(uri);
      } catch (URISyntaxException e) {
        throw bad(config, "endpoint", "'" + text + "' is not a URL: " + e.getMessage());
      }
    }
    Optional<Path> file = config.getIsNull("also-write-file")
        ? Optional.empty() : Optional.of(ConfigPaths.path(config, "also-write-file"));
    Duration timeout = config.getDuration("request-timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw bad(config, "request-timeout", "must be positive");
    }
    int attempts = config.getInt("sdk-max-attempts");
    if (attempts < 1 || attempts > 10) {
      throw bad(config, "sdk-max-attempts", attempts + " is outside 1..10");
    }
    boolean routeByEvent = config.getBoolean("route-by-event");
    return new CloudWatchLogsConfig(group, stream, format, routeByEvent, retention, region, endpoint, file, timeout, attempts);
  }

  private static ConfigException bad(Config config, String key, String message) {
    return new ConfigException.BadValue(config.getValue(key).origin(), key, message);
  }
}
