package dev.gputel.exporter.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigException;
import dev.gputel.spi.data.Attributes;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OtlpConfigTest {
  private static OtlpConfig read(String body) {
    return OtlpConfig.from(Exporters.config(body));
  }

  @Test
  void defaultsSendHttpProtobufGzippedToTheLocalCollector() {
    OtlpConfig config = read("");

    assertThat(config.protocol()).isEqualTo(Protocol.HTTP_PROTOBUF);
    assertThat(config.metricsEndpoint()).isEqualTo(URI.create("http://localhost:4318/v1/metrics"));
    assertThat(config.logsEndpoint()).isEqualTo(URI.create("http://localhost:4318/v1/logs"));
    assertThat(config.gzip()).isTrue();
    assertThat(config.timeout()).isEqualTo(Duration.ofSeconds(10));
    assertThat(config.naming()).isEqualTo(Naming.SEMCONV);
    assertThat(config.headers()).isEmpty();
    assertThat(config.tls().trustedCertificates()).isEmpty();
  }

  @Test
  void grpcSendsBothSignalsToOnePort() {
    OtlpConfig config = read("protocol = grpc");

    assertThat(config.metricsEndpoint()).isEqualTo(URI.create("http://localhost:4317"));
    assertThat(config.logsEndpoint()).isEqualTo(URI.create("http://localhost:4317"));
  }

  @Test
  void signalPathsAreAppendedToTheEndpointsPathAndSignalEndpointsWin() {
    OtlpConfig config = read("""
        endpoint = "https://collector.internal:4318/otlp/"
        logs-endpoint = "https://logs.collector.internal/v1/logs"
        """);

    assertThat(config.metricsEndpoint()).isEqualTo(URI.create("https://collector.internal:4318/otlp/v1/metrics"));
    assertThat(config.logsEndpoint()).isEqualTo(URI.create("https://logs.collector.internal/v1/logs"));
  }

  @Test
  void headersAndResourceAttributesKeepDottedKeysAndTypes() {
    OtlpConfig config = read("""
        headers { authorization = "Bearer x", x-scope.org-id = tenant-1 }
        resource-attributes { "deployment.environment.name" = prod, k8s.node.name = n1, rack = 7, gpu-host = true }
        """);

    assertThat(config.headers()).isEqualTo(Map.of("authorization", "Bearer x", "x-scope.org-id", "tenant-1"));
    assertThat(config.resourceAttributes()).isEqualTo(Attributes.builder().put("deployment.environment.name", "prod")
        .put("gpu-host", true).put("k8s.node.name", "n1").put("rack", 7L).build());
  }

  @Test
  void mistakesNameTheKeyAndTheChoices() {
    assertThatThrownBy(() -> read("protocol = http")).isInstanceOf(ConfigException.BadValue.class)
        .hasMessageContaining("protocol").hasMessageContaining("'http' is not one of http/protobuf, grpc");
    assertThatThrownBy(() -> read("naming = prometheus"))
        .hasMessageContaining("'prometheus' is not one of semconv, cloudwatch-agent");
    assertThatThrownBy(() -> read("compression = zstd")).hasMessageContaining("'zstd' is not one of gzip, none");
    assertThatThrownBy(() -> read("endpoint = \"localhost:4318\""))
        .hasMessageContaining("endpoint").hasMessageContaining("not an http:// or https:// URL with a host");
    assertThatThrownBy(() -> read("metrics-endpoint = \"http://\"")).hasMessageContaining("metrics-endpoint");
    assertThatThrownBy(() -> read("timeout = 0s")).hasMessageContaining("timeout").hasMessageContaining("more than 0");
  }
}
