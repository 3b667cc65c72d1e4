package dev.gputel.exporter.prometheus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gputel.testing.ManualClock;
import dev.gputel.testing.RecordingTelemetry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Basic authentication and HTTPS, against a key store keytool makes for the test. */
class AuthAndTlsTest {
  private static final String STORE_PASSWORD = "changeit";

  @TempDir Path directory;
  private PrometheusExporter exporter;

  @AfterEach
  void stop() {
    if (exporter != null) {
      exporter.shutdown();
    }
  }

  @Test
  void basicAuthRefusesAScrapeWithoutTheRightCredentials() throws Exception {
    exporter = start("port = 0, basic-auth { username = prom, password = \"s3cret\" }");
    URI uri = URI.create("http://127.0.0.1:" + exporter.port() + "/metrics");

    assertThat(send(HttpClient.newHttpClient(), uri, null).statusCode()).isEqualTo(401);
    assertThat(send(HttpClient.newHttpClient(), uri, "prom:wrong").statusCode()).isEqualTo(401);
    HttpResponse<String> ok = send(HttpClient.newHttpClient(), uri, "prom:s3cret");
    assertThat(ok.statusCode()).isEqualTo(200);
    assertThat(ok.body()).contains("nvidia_gpu_utilization_gpu_ratio{");
  }

  @Test
  void tlsServesHttpsWithTheKeyStoresCertificate() throws Exception {
    Path keyStore = keyStore();
    exporter = start("port = 0, tls { key-store = \"%s\", key-store-password = %s }".formatted(keyStore, STORE_PASSWORD));
    HttpClient trusting = HttpClient.newBuilder().sslContext(trusting(keyStore)).build();

    HttpResponse<String> response = send(trusting, URI.create("https://127.0.0.1:" + exporter.port() + "/metrics"), null);

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.body()).contains("nvidia_gpu_utilization_gpu_ratio{");
    assertThatThrownBy(() -> send(HttpClient.newHttpClient(),
        URI.create("https://127.0.0.1:" + exporter.port() + "/metrics"), null))
        .as("a client that does not trust the certificate").isInstanceOf(IOException.class);
  }

  @Test
  void aWrongKeyStorePasswordFailsTheStartWithTheReason() throws Exception {
    Path keyStore = keyStore();
    PrometheusExporter wrong = Exporters.create("port = 0, tls { key-store = \"%s\", key-store-password = nope }"
        .formatted(keyStore), ManualClock.atFixedStart(), new RecordingTelemetry(), directory);

    assertThatThrownBy(() -> wrong.start(new SelfTelemetryHost())).isInstanceOf(IOException.class)
        .hasMessageContaining("cannot use the key store " + keyStore);
    wrong.shutdown();
  }

  private PrometheusExporter start(String config) throws Exception {
    PrometheusExporter started = Exporters.create(config, ManualClock.atFixedStart(), new RecordingTelemetry(), directory);
    started.start(new SelfTelemetryHost());
    started.exportMetrics(TestGpus.batch(0));
    return started;
  }

  private static HttpResponse<String> send(HttpClient client, URI uri, String credentials)
      throws IOException, InterruptedException {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri);
    if (credentials != null) {
      request.header("Authorization",
          "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A PKCS12 key store with a self-signed certificate for 127.0.0.1, made by the JDK's keytool. */
  private Path keyStore() throws Exception {
    Path store = directory.resolve("server.p12");
    if (Files.exists(store)) {
      return store;
    }
    Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
    Process process = new ProcessBuilder(List.of(keytool.toString(), "-genkeypair", "-alias", "gputel",
        "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost", "-ext", "SAN=ip:127.0.0.1,dns:localhost",
        "-validity", "2", "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", STORE_PASSWORD))
        .redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    return store;
  }

  private static SSLContext trusting(Path store) throws Exception {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(store)) {
      trusted.load(in, STORE_PASSWORD.toCharArray());
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }
}
