package dev.gputel.exporter.otlp;

import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporter;
import io.opentelemetry.exporter.otlp.http.logs.OtlpHttpLogRecordExporterBuilder;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporter;
import io.opentelemetry.exporter.otlp.http.metrics.OtlpHttpMetricExporterBuilder;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporter;
import io.opentelemetry.exporter.otlp.logs.OtlpGrpcLogRecordExporterBuilder;
import io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporter;
import io.opentelemetry.exporter.otlp.metrics.OtlpGrpcMetricExporterBuilder;
import io.opentelemetry.sdk.common.export.MemoryMode;
import io.opentelemetry.sdk.logs.export.LogRecordExporter;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import java.time.Clock;

/**
 * Builds OpenTelemetry's OTLP exporters from the configuration. Their own retry is off: the runtime
 * retries (with the queue, the spool and the drop counters), and two retry loops would multiply.
 * Memory mode is immutable data, because the runtime may call an exporter from several workers.
 */
final class OtlpSenders {
  private OtlpSenders() {}

  static MetricExporter metrics(OtlpConfig config, Clock clock) {
    String endpoint = config.metricsEndpoint().toString();
    if (config.protocol() == Protocol.GRPC) {
      OtlpGrpcMetricExporterBuilder b = OtlpGrpcMetricExporter.builder().setEndpoint(endpoint)
          .setTimeout(config.timeout()).setConnectTimeout(config.connectTimeout())
          .setCompression(compression(config)).setRetryPolicy(null).setMemoryMode(MemoryMode.IMMUTABLE_DATA)
          .setMeterProvider(MeterProvider::noop).setComponentLoader(new SenderLoader(clock));
      config.headers().forEach(b::addHeader);
      config.tls().trustedCertificates().ifPresent(b::setTrustedCertificates);
      config.tls().clientKey().ifPresent(key -> b.setClientTls(key, config.tls().clientCertificate().orElseThrow()));
      return b.build();
    }
    OtlpHttpMetricExporterBuilder b = OtlpHttpMetricExporter.builder().setEndpoint(endpoint)
        .setTimeout(config.timeout()).setConnectTimeout(config.connectTimeout())
        .setCompression(compression(config)).setRetryPolicy(null).setMemoryMode(MemoryMode.IMMUTABLE_DATA)
        .setMeterProvider(MeterProvider::noop).setComponentLoader(new SenderLoader(clock));
    config.headers().forEach(b::addHeader);
    config.tls().trustedCertificates().ifPresent(b::setTrustedCertificates);
    config.tls().clientKey().ifPresent(key -> b.setClientTls(key, config.tls().clientCertificate().orElseThrow()));
    return b.build();
  }

  static LogRecordExporter logs(OtlpConfig config, Clock clock) {
    String endpoint = config.logsEndpoint().toString();
    if (config.protocol() == Protocol.GRPC) {
      OtlpGrpcLogRecordExporterBuilder b = OtlpGrpcLogRecordExporter.builder().setEndpoint(endpoint)
          .setTimeout(config.timeout()).setConnectTimeout(config.connectTimeout())
          .setCompression(compression(config)).setRetryPolicy(null).setMemoryMode(MemoryMode.IMMUTABLE_DATA)
          .setMeterProvider(MeterProvider::noop).setComponentLoader(new SenderLoader(clock));
      config.headers().forEach(b::addHeader);
      config.tls().trustedCertificates().ifPresent(b::setTrustedCertificates);
      config.tls().clientKey().ifPresent(key -> b.setClientTls(key, config.tls().clientCertificate().orElseThrow()));
      return b.build();
    }
    OtlpHttpLogRecordExporterBuilder b = OtlpHttpLogRecordExporter.builder().setEndpoint(endpoint)
        .setTimeout(config.timeout()).setConnectTimeout(config.connectTimeout())
        .setCompression(compression(config)).setRetryPolicy(null).setMemoryMode(MemoryMode.IMMUTABLE_DATA)
        .setMeterProvider(MeterProvider::noop).setComponentLoader(new SenderLoader(clock));
    config.headers().forEach(b::addHeader);
    config.tls().trustedCertificates().ifPresent(b::setTrustedCertificates);
    config.tls().clientKey().ifPresent(key -> b.setClientTls(key, config.tls().clientCertificate().orElseThrow()));
    return b.build();
  }

  private static String compression(OtlpConfig config) {
    return config.gzip() ? "gzip" : "none";
  }
}
