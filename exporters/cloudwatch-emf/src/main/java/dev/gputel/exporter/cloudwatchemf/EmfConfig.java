package dev.gputel.exporter.cloudwatchemf;

import static dev.gputel.cloudwatch.ConfigChecks.bad;

import com.typesafe.config.Config;
import dev.gputel.cloudwatch.ConfigChecks;
import dev.gputel.cloudwatch.MetricIdentity;
import dev.gputel.spi.component.ConfigPaths;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** The cloudwatch-emf exporter's settings; see its reference.conf for each key. */
record EmfConfig(
    MetricIdentity identity,
    boolean highResolution,
    int maxDocumentBytes,
    OutputKind output,
    FileSettings file,
    AgentSettings agent,
    LogsSettings logs,
    String logGroupName,
    String logStreamName) {

  /** A CloudWatch Logs event, counting the 26 bytes PutLogEvents adds to each, is at most 1 MiB. */
  static final int MAX_EVENT_BYTES = 1_048_576;
  static final int PUT_LOG_EVENTS_OVERHEAD = 26;

  record FileSettings(Path path, long maxBytes, int keep) {}

  record AgentSettings(AgentEndpoint endpoint, Duration connectTimeout, Duration initialBackoff, Duration maxBackoff) {}

  /**
   * Where output = cloudwatch-logs sends.
   *
   * @param logStreamName null for this machine's hostname
   */
  record LogsSettings(String logGroupName, String logStreamName, Optional<String> region, Optional<URI> endpoint,
      Duration requestTimeout, int sdkMaxAttempts) {}

  /** CloudWatch Logs' log group name characters; names starting with aws/ are the service's. */
  private static final Pattern LOG_GROUP = Pattern.compile("[.\\-_/#A-Za-z0-9]{1,512}");

  static EmfConfig from(Config config) {
    MetricIdentity identity = MetricIdentity.from(config);
    long bytes = config.getBytes("max-document-size");
    if (bytes < 1024 || bytes > MAX_EVENT_BYTES) {
      throw bad(config, "max-document-size", bytes + " bytes is not between 1KiB and 1MiB");
    }
    Duration interval = config.getDuration("metrics-collection-interval");
    if (interval.isNegative() || interval.isZero()) {
      throw bad(config, "metrics-collection-interval", "must be positive");
    }
    OutputKind output = ConfigChecks.option(config, "output", OutputKind.class);
    return new EmfConfig(identity, interval.compareTo(Duration.ofSeconds(60)) < 0,
        (int) Math.min(bytes, MAX_EVENT_BYTES - PUT_LOG_EVENTS_OVERHEAD), output,
        output == OutputKind.FILE ? file(config) : null, agent(config), logs(config),
        ConfigChecks.optionalString(config, "log-group-name"), ConfigChecks.optionalString(config, "log-stream-name"));
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

  private static LogsSettings logs(Config config) {
    String group = config.getString("cloudwatch-logs.log-group-name");
    if (!LOG_GROUP.matcher(group).matches() || group.startsWith("aws/")) {
      throw bad(config, "cloudwatch-logs.log-group-name", "'" + group + "' is not a log group name: 1-512 of "
          + "letters, digits and . - _ / #, not starting with aws/");
    }
    String stream = ConfigChecks.optionalString(config, "cloudwatch-logs.log-stream-name");
    if (stream != null && (stream.isEmpty() || stream.length() > 512 || stream.indexOf(':') >= 0
        || stream.indexOf('*') >= 0)) {
      throw bad(config, "cloudwatch-logs.log-stream-name", "'" + stream + "' is not a log stream name: 1-512 characters, no : or *");
    }
    Optional<String> region = Optional.ofNullable(ConfigChecks.optionalString(config, "cloudwatch-logs.region"));
    Optional<URI> endpoint = Optional.empty();
    String text = ConfigChecks.optionalString(config, "cloudwatch-logs.endpoint");
    if (text != null) {
      try {
        URI uri = new URI(text);
        if (uri.getScheme() == null || uri.getHost() == null) {
          throw bad(config, "cloudwatch-logs.endpoint", "'" + text + "' is not an absolute http(s) URL");
        }
        endpoint = Optional.of(uri);
      } catch (URISyntaxException e) {
        throw bad(config, "cloudwatch-logs.endpoint", "'" + text + "' is not a URL: " + e.getMessage());
      }
    }
    Duration timeout = config.getDuration("cloudwatch-logs.request-timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw bad(config, "cloudwatch-logs.request-timeout", "must be positive");
    }
    int attempts = config.getInt("cloudwatch-logs.sdk-max-attempts");
    if (attempts < 1 || attempts > 10) {
      throw bad(config, "cloudwatch-logs.sdk-max-attempts", attempts + " is outside 1..10");
    }
    return new LogsSettings(group, stream, region, endpoint, timeout, attempts);
  }
}
