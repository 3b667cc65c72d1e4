package dev.gputel.exporter.otlp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.typesafe.config.ConfigException;
import dev.gputel.spi.exporter.RetryableExportException;
import dev.gputel.testing.RecordingTelemetry;
import dev.gputel.testing.TestHost;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS and mutual TLS against an HTTPS receiver that requires a client certificate. */
class TlsExportTest {
  @TempDir static Path certificates;
  @TempDir Path directory;

  private static TestCertificates pki;
  private OtlpHttpReceiver receiver;
  private OtlpExporter exporter;

  @BeforeAll
  static void makeCertificates() throws Exception {
    pki = TestCertificates.create(certificates);
  }

  @AfterEach
  void stop() {
    if (exporter != null) {
      exporter.shutdown();
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  private OtlpExporter exporter(String tls) throws Exception {
    receiver = OtlpHttpReceiver.startTls(pki.serverContext, true);
    exporter = Exporters.create("endpoint = \"" + receiver.endpoint() + "\", timeout = 5s\ntls { " + tls + " }",
        new RecordingTelemetry(), directory);
    exporter.start(new TestHost());
    return exporter;
  }

  @Test
  void mutualTlsWithTheConfiguredTrustAndClientCertificate() throws Exception {
    exporter("trusted-certificates = \"%s\", client-certificate = \"%s\", client-key = \"%s\""
        .formatted(pki.serverPem, pki.clientCertificatePem, pki.clientKeyPem));

    exporter.exportMetrics(TestBatches.gpu());

    assertThat(Proto.metrics(receiver.await().metrics())).isNotEmpty();
  }

  @Test
  void aServerTheJvmDoesNotTrustIsARetryableFailure() throws Exception {
    exporter("");

    assertThatThrownBy(() -> exporter.exportMetrics(TestBatches.gpu())).isInstanceOf(RetryableExportException.class)
        .hasMessageContaining("metrics to https://127.0.0.1:");
    assertThat(receiver.received()).isZero();
  }

  @Test
  void withoutAClientCertificateTheServerRefuses() throws Exception {
    exporter("trusted-certificates = \"%s\"".formatted(pki.serverPem));

    assertThatThrownBy(() -> exporter.exportMetrics(TestBatches.gpu())).isInstanceOf(RetryableExportException.class);
    assertThat(receiver.received()).isZero();
  }

  @Test
  void aKeyWithoutItsCertificateIsAConfigurationError() {
    assertThatThrownBy(() -> OtlpConfig.from(Exporters.config("tls.client-key = \"" + pki.clientKeyPem + "\"")))
        .isInstanceOf(ConfigException.BadValue.class).hasMessageContaining("set both or neither");
  }

  @Test
  void aFileThatIsNoPemIsAConfigurationError() throws Exception {
    Path bogus = Files.writeString(directory.resolve("bogus.pem"), "not a certificate\n");

    assertThatThrownBy(() -> OtlpConfig.from(Exporters.config("tls.trusted-certificates = \"" + bogus + "\"")))
        .isInstanceOf(ConfigException.BadValue.class).hasMessageContaining("PEM");
    assertThatThrownBy(() -> OtlpConfig.from(Exporters.config("tls.trusted-certificates = \"" + directory.resolve("none.pem") + "\"")))
        .isInstanceOf(ConfigException.BadValue.class).hasMessageContaining("cannot read");
  }
}
