package dev.gputel.exporter.otlp;

import com.typesafe.config.Config;
import dev.gputel.spi.data.Attributes;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** The otlp exporter's settings; see its reference.conf for each key. */
record OtlpConfig(Protocol protocol, URI metricsEndpoint, URI logsEndpoint, Map<String, String> headers,
    boolean gzip, Duration timeout, Duration connectTimeout, TlsSettings tls, Naming naming,
    Attributes resourceAttributes) {

  enum Compression { GZIP, NONE }

  static OtlpConfig from(Config config) {
    Protocol protocol = ConfigValues.choice(config, "protocol", Protocol.class, Protocol::id);
    String base = ConfigValues.optionalString(config, "endpoint").orElse(protocol.defaultEndpoint());
    if (!config.getIsNull("endpoint")) {
      ConfigValues.url(config, "endpoint", base);
    }
    return new OtlpConfig(protocol,
        signalEndpoint(config, "metrics-endpoint", protocol, base, "/v1/metrics"),
        signalEndpoint(config, "logs-endpoint", protocol, base, "/v1/logs"),
        ConfigValues.strings(config, "headers"),
        ConfigValues.choice(config, "compression", Compression.class,
            c -> c.name().toLowerCase(java.util.Locale.ROOT)) == Compression.GZIP,
        positive(config, "timeout"), positive(config, "connect-timeout"),
        TlsSettings.from(config.getConfig("tls")),
        ConfigValues.choice(config, "naming", Naming.class, Naming::id),
        ConfigValues.attributes(config, "resource-attributes"));
  }

  /** The signal's own URL, else the base: with the signal path appended for http/protobuf. */
  private static URI signalEndpoint(Config config, String key, Protocol protocol, String base, String path) {
    if (!config.getIsNull(key)) {
      return ConfigValues.url(config, key, config.getString(key));
    }
    String url = protocol == Protocol.GRPC ? base : stripSlash(base) + path;
    return config.getIsNull("endpoint") ? URI.create(url) : ConfigValues.url(config, "endpoint", url);
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static Duration positive(Config config, String key) {
    Duration value = config.getDuration(key);
    if (value.isNegative() || value.isZero()) {
      throw new com.typesafe.config.ConfigException.BadValue(config.getValue(key).origin(), key,
          "must be more than 0");
    }
    return value;
  }
}
