package dev.gputel.exporter.cloudwatchemf;

import static dev.gputel.cloudwatch.ConfigChecks.bad;

import com.typesafe.config.Config;
import dev.gputel.cloudwatch.ConfigChecks;
import dev.gputel.cloudwatch.DimensionSpec;
import dev.gputel.cloudwatch.MetricIdentity;
import dev.gputel.cloudwatch.UnitMode;
import dev.gputel.spi.component.ConfigPaths;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

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

  /** A CloudWatch Logs event, counting the 26 bytes PutLogEvents adds to each, is at most 1 MiB. */
  static final int MAX_EVENT_BYTES = 1_048_576;
  static final int PUT_LOG_EVENTS_OVERHEAD = 26;
  /** Everything in drop-original-metrics. */
  static final String ALL = MetricIdentity.ALL;

  record FileSettings(Path path, long maxBytes, int keep) {}

  record AgentSettings(AgentEndpoint endpoint, Duration connectTimeout, Duration initialBackoff, Duration maxBackoff) {}

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
    return new EmfConfig(identity.namespace(), identity.dimensions(), identity.rollups(), identity.dropOriginal(),
        identity.units(), interval.compareTo(Duration.ofSeconds(60)) < 0,
        (int) Math.min(bytes, MAX_EVENT_BYTES - PUT_LOG_EVENTS_OVERHEAD), output,
        output == OutputKind.FILE ? file(config) : null, agent(config),
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

  /** Returns whether a metric goes out only through its rollups. */
  boolean dropsOriginal(String cloudWatchName) {
    return !dropOriginal.isEmpty() && (dropOriginal.contains(ALL) || dropOriginal.contains(cloudWatchName));
  }
}
