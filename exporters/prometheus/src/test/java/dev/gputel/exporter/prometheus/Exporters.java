package dev.gputel.exporter.prometheus;

import com.typesafe.config.ConfigFactory;
import dev.gputel.spi.component.ComponentId;
import dev.gputel.spi.component.ComponentKind;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.testing.RecordingTelemetry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;

/** Creates exporters from HOCON over the defaults, and reads their endpoint. */
final class Exporters {
  static final HttpClient HTTP = HttpClient.newHttpClient();

  private Exporters() {}

  static PrometheusConfig config(String body) {
    return PrometheusConfig.from(ConfigFactory.parseString(body)
        .withFallback(ConfigFactory.parseResources("reference.conf").getConfig("gputel.exporters.prometheus"))
        .resolve());
  }

  static PrometheusExporter create(String body, Clock clock, RecordingTelemetry telemetry, Path state) {
    return new PrometheusExporter(config(body), new ComponentSettings(
        new ComponentId(ComponentKind.EXPORTER, "prometheus", ""), telemetry, clock, state, "test"));
  }

  static HttpResponse<String> get(PrometheusExporter exporter, String path) throws IOException, InterruptedException {
    return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + exporter.port() + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
