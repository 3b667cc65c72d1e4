package dev.gputel.exporter.cloudwatch;

import static dev.gputel.cloudwatch.ConfigChecks.bad;

import com.typesafe.config.Config;
import dev.gputel.cloudwatch.ConfigChecks;
import dev.gputel.cloudwatch.MetricIdentity;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;

/** The cloudwatch exporter's settings; see its reference.conf for each key. */
record CloudWatchConfig(
    MetricIdentity identity,
    boolean highResolution,
    String region,
    URI endpoint,
    int maxDatumsPerRequest,
    Duration requestTimeout) {

  /** PutMetricData: at most 1,000 metrics per call. */
  static final int MAX_DATUMS = 1000;

  static CloudWatchConfig from(Config config) {
    MetricIdentity identity = MetricIdentity.from(config);
    Duration interval = positive(config, "metrics-collection-interval");
    int datums = config.getInt("max-datums-per-request");
    if (datums < 1 || datums > MAX_DATUMS) {
      throw bad(config, "max-datums-per-request", datums + " is not between 1 and " + MAX_DATUMS);
    }
    String region = ConfigChecks.optionalString(config, "region");
    if (region != null && !region.matches("[a-z0-9-]+")) {
      throw bad(config, "region", "'" + region + "' is not a region name such as us-east-1");
    }
    return new CloudWatchConfig(identity, interval.compareTo(Duration.ofSeconds(60)) < 0, region,
        endpoint(config), datums, positive(config, "request-timeout"));
  }

  private static URI endpoint(Config config) {
    String value = ConfigChecks.optionalString(config, "endpoint");
    if (value == null) {
      return null;
    }
    try {
      URI uri = new URI(value);
      if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme()) || uri.getHost() == null) {
        throw bad(config, "endpoint", "'" + value + "' is not an http(s)://host[:port] URL");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw bad(config, "endpoint", "'" + value + "' is not a URL: " + e.getMessage());
    }
  }

  private static Duration positive(Config config, String key) {
    Duration value = config.getDuration(key);
    if (value.isNegative() || value.isZero()) {
      throw bad(config, key, "must be positive");
    }
    return value;
  }
}
