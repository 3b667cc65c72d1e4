package dev.gputel.exporter.prometheus;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpsConfigurator;
import io.prometheus.metrics.exporter.httpserver.HTTPServer;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.BindException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.concurrent.ExecutorService;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** Starts client_java's HTTP server on the configured address, with basic auth and TLS when set. */
final class MetricsEndpoint {
  private MetricsEndpoint() {}

  static HTTPServer start(PrometheusConfig config, PrometheusRegistry registry, ExecutorService executor)
      throws IOException {
    HTTPServer.Builder builder = HTTPServer.builder().hostname(config.host()).port(config.port())
        .registry(registry).executorService(executor).metricsHandlerPath("/metrics");
    config.basicAuth().ifPresent(auth -> builder.authenticator(new PasswordCheck(auth)));
    if (config.tls().isPresent()) {
      builder.httpsConfigurator(new HttpsConfigurator(sslContext(config.tls().get())));
    }
    try {
      return builder.buildAndStart();
    } catch (BindException e) {
      throw new IOException("prometheus exporter cannot listen on " + config.host() + ":" + config.port()
          + " (" + e.getMessage() + "): set gputel.exporters.prometheus.port to a free port", e);
    }
  }

  private static SSLContext sslContext(PrometheusConfig.Tls tls) throws IOException {
    try (InputStream in = Files.newInputStream(tls.keyStore())) {
      KeyStore keyStore = KeyStore.getInstance(tls.type());
      keyStore.load(in, tls.password());
      KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(keyStore, tls.password());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IOException("prometheus exporter cannot use the key store " + tls.keyStore() + ": " + e.getMessage(), e);
    }
  }

  /** Basic authentication against one username and password, compared in constant time. */
  private static final class PasswordCheck extends BasicAuthenticator {
    private final byte[] username;
    private final byte[] password;

    PasswordCheck(PrometheusConfig.BasicAuth auth) {
      super("gputel");
      this.username = auth.username().getBytes(StandardCharsets.UTF_8);
      this.password = auth.password().getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean checkCredentials(String user, String pass) {
      boolean userOk = MessageDigest.isEqual(username, user.getBytes(StandardCharsets.UTF_8));
      boolean passOk = MessageDigest.isEqual(password, pass.getBytes(StandardCharsets.UTF_8));
      return userOk & passOk;
    }
  }
}
