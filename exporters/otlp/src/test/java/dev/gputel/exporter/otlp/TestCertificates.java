package dev.gputel.exporter.otlp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Self-signed certificates for a server on 127.0.0.1 and for a client, made with the JDK's keytool
 * for each test run, and the PEM files the exporter's tls section takes.
 */
final class TestCertificates {
  private static final char[] PASSWORD = "changeit".toCharArray();

  final Path serverPem;
  final Path clientCertificatePem;
  final Path clientKeyPem;
  final SSLContext serverContext;

  private TestCertificates(Path serverPem, Path clientCertificatePem, Path clientKeyPem, SSLContext serverContext) {
    this.serverPem = serverPem;
    this.clientCertificatePem = clientCertificatePem;
    this.clientKeyPem = clientKeyPem;
    this.serverContext = serverContext;
  }

  static TestCertificates create(Path directory) throws Exception {
    Path server = keyPair(directory, "server", "CN=localhost", "SAN=ip:127.0.0.1,dns:localhost");
    Path client = keyPair(directory, "client", "CN=gputel-test-client", null);
    KeyStore serverStore = load(server);
    KeyStore clientStore = load(client);

    Path serverPem = Files.writeString(directory.resolve("server.pem"), pem("CERTIFICATE",
        serverStore.getCertificate("server").getEncoded()));
    Path clientCertificatePem = Files.writeString(directory.resolve("client.pem"), pem("CERTIFICATE",
        clientStore.getCertificate("client").getEncoded()));
    PrivateKey clientKey = (PrivateKey) clientStore.getKey("client", PASSWORD);
    Path clientKeyPem = Files.writeString(directory.resolve("client-key.pem"), pem("PRIVATE KEY", clientKey.getEncoded()));

    KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keys.init(serverStore, PASSWORD);
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    trusted.load(null, null);
    Certificate clientCertificate = clientStore.getCertificate("client");
    trusted.setCertificateEntry("client", clientCertificate);
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
    return new TestCertificates(serverPem, clientCertificatePem, clientKeyPem, context);
  }

  private static Path keyPair(Path directory, String alias, String name, String san) throws Exception {
    Path store = directory.resolve(alias + ".p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    List<String> command = new java.util.ArrayList<>(List.of(keytool, "-genkeypair", "-alias", alias,
        "-keyalg", "EC", "-groupname", "secp256r1", "-dname", name, "-validity", "2",
        "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", new String(PASSWORD)));
    if (san != null) {
      command.addAll(List.of("-ext", san));
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      throw new IOException("keytool failed: " + output);
    }
    return store;
  }

  private static KeyStore load(Path path) throws IOException, GeneralSecurityException {
    KeyStore store = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(path)) {
      store.load(in, PASSWORD);
    }
    return store;
  }

  private static String pem(String type, byte[] der) {
    return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(der) + "\n-----END " + type + "-----\n";
  }
}
