package dev.gputel.exporter.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigException;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PrometheusConfigTest {
  @TempDir Path directory;

  @Test
  void defaultsServePrometheusNamesOnLoopbackPort9464WithoutAuthOrTls() {
    PrometheusConfig config = Exporters.config("");

    assertThat(config.host()).isEqualTo("127.0.0.1");
    assertThat(config.port()).isEqualTo(9464);
    assertThat(config.naming()).isEqualTo(Naming.PROMETHEUS);
    assertThat(config.expireAfter()).isEqualTo(Duration.ofSeconds(60));
    assertThat(config.selfTelemetry()).isTrue();
    assertThat(config.basicAuth()).isEmpty();
    assertThat(config.tls()).isEmpty();
    assertThat(config.resourceAttributes()).isEmpty();
  }

  @Test
  void badValuesSayWhatIsWrong() {
    assertThatThrownBy(() -> Exporters.config("naming = otel"))
        .isInstanceOf(ConfigException.BadValue.class).hasMessageContaining("'otel' is not one of prometheus, dcgm");
    assertThatThrownBy(() -> Exporters.config("port = 70000")).hasMessageContaining("70000 is not a TCP port");
    assertThatThrownBy(() -> Exporters.config("expire-after = 0s")).hasMessageContaining("must be longer than 0");
    assertThatThrownBy(() -> Exporters.config("basic-auth.username = prom"))
        .hasMessageContaining("basic-auth needs both a username and a password; password is not set");
    assertThatThrownBy(() -> Exporters.config("tls.key-store = \"" + directory.resolve("missing.p12") + "\""))
        .hasMessageContaining("missing.p12 is not a readable file");
  }

  @Test
  void thePasswordIsNeverPrinted() {
    PrometheusConfig config = Exporters.config("basic-auth { username = prom, password = s3cret }");

    assertThat(config.basicAuth()).hasValueSatisfying(auth -> assertThat(auth.toString()).doesNotContain("s3cret"));
  }
}
