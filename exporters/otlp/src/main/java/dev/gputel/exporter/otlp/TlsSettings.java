package dev.gputel.exporter.otlp;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import io.opentelemetry.exporter.internal.TlsUtil;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import javax.net.ssl.SSLException;

/**
 * The PEM files of the {@code tls} section, read and parsed when the exporter is created, so that
 * {@code gputel validate} reports a missing file or a bad key instead of the first export.
 */
record TlsSettings(Optional<byte[]> trustedCertificates, Optional<byte[]> clientCertificate,
    Optional<byte[]> clientKey) {

  static TlsSettings from(Config tls) {
    Optional<byte[]> trusted = read(tls, "trusted-certificates");
    Optional<byte[]> certificate = read(tls, "client-certificate");
    Optional<byte[]> key = read(tls, "client-key");
    if (certificate.isPresent() != key.isPresent()) {
      String set = certificate.isPresent() ? "client-certificate" : "client-key";
      throw new ConfigException.BadValue(tls.getValue(set).origin(), set,
          "client-certificate and client-key go together: set both or neither");
    }
    // OpenTelemetry's own parser, the one the exporter will use: what passes here works there.
    try {
      if (trusted.isPresent()) {
        TlsUtil.trustManager(trusted.get());
      }
      if (key.isPresent()) {
        TlsUtil.keyManager(key.get(), certificate.get());
      }
    } catch (SSLException | RuntimeException e) {
      throw new ConfigException.BadValue(tls.origin(), "tls",
          "the PEM files do not hold usable certificates or a PKCS#8 key: " + e.getMessage(), e);
    }
    return new TlsSettings(trusted, certificate, key);
  }

  private static Optional<byte[]> read(Config tls, String key) {
    Optional<Path> path = ConfigValues.optionalPath(tls, key);
    if (path.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Files.readAllBytes(path.get()));
    } catch (IOException e) {
      throw new ConfigException.BadValue(tls.getValue(key).origin(), key,
          "cannot read " + path.get() + ": " + e.getMessage());
    }
  }
}
