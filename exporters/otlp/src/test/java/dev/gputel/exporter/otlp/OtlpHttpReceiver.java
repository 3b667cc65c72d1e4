package dev.gputel.exporter.otlp;

import com.google.protobuf.InvalidProtocolBufferException;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import io.opentelemetry.proto.collector.logs.v1.ExportLogsServiceRequest;
import io.opentelemetry.proto.collector.metrics.v1.ExportMetricsServiceRequest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLContext;

/**
 * An OTLP/HTTP receiver for tests, on loopback: decodes every request with the opentelemetry-proto
 * classes, keeps it with its headers, and answers 200, or the statuses it was told to fail with.
 */
final class OtlpHttpReceiver implements AutoCloseable {
  /** One request as received: its headers (lower-case names), the body as sent, and decoded. */
  record Request(String path, Map<String, List<String>> headers, byte[] rawBody, byte[] body) {
    String header(String name) {
      List<String> values = headers.get(name);
      return values == null ? null : values.getFirst();
    }

    ExportMetricsServiceRequest metrics() throws InvalidProtocolBufferException {
      return ExportMetricsServiceRequest.parseFrom(body);
    }

    ExportLogsServiceRequest logs() throws InvalidProtocolBufferException {
      return ExportLogsServiceRequest.parseFrom(body);
    }
  }

  private final HttpServer server;
  private final BlockingQueue<Request> requests = new LinkedBlockingQueue<>();
  private record Failure(int status, String retryAfter) {}

  private final Queue<Failure> failures = new ConcurrentLinkedQueue<>();

  private OtlpHttpReceiver(HttpServer server) {
    this.server = server;
    server.createContext("/", this::handle);
    server.start();
  }

  static OtlpHttpReceiver start() throws IOException {
    return new OtlpHttpReceiver(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0));
  }

  /** Starts an HTTPS receiver; with {@code needClientAuth}, only clients with a trusted certificate get in. */
  static OtlpHttpReceiver startTls(SSLContext context, boolean needClientAuth) throws IOException {
    HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setHttpsConfigurator(new HttpsConfigurator(context) {
      @Override
      public void configure(HttpsParameters params) {
        javax.net.ssl.SSLParameters ssl = context.getDefaultSSLParameters();
        ssl.setNeedClientAuth(needClientAuth);
        params.setSSLParameters(ssl);
      }
    });
    return new OtlpHttpReceiver(server);
  }

  /** The base endpoint, as the exporter's {@code endpoint} takes it. */
  String endpoint() {
    String scheme = server instanceof HttpsServer ? "https" : "http";
    return scheme + "://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Answers the next {@code times} requests with {@code status}. */
  void failNext(int status, int times) {
    failNext(status, times, null);
  }

  /** Answers the next {@code times} requests with {@code status} and, unless null, a Retry-After header. */
  void failNext(int status, int times, String retryAfter) {
    for (int i = 0; i < times; i++) {
      failures.add(new Failure(status, retryAfter));
    }
  }

  Request await() throws InterruptedException {
    Request request = requests.poll(10, TimeUnit.SECONDS);
    if (request == null) {
      throw new AssertionError("no OTLP request within 10 s");
    }
    return request;
  }

  int received() {
    return requests.size();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      byte[] raw = exchange.getRequestBody().readAllBytes();
      byte[] body = "gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding")) ? gunzip(raw) : raw;
      Map<String, List<String>> headers = new java.util.TreeMap<>();
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(java.util.Locale.ROOT), values));
      requests.add(new Request(exchange.getRequestURI().getPath(), headers, raw, body));
      Failure failure = failures.poll();
      if (failure != null) {
        if (failure.retryAfter() != null) {
          exchange.getResponseHeaders().add("Retry-After", failure.retryAfter());
        }
        exchange.sendResponseHeaders(failure.status(), -1);
        return;
      }
      // An empty body is an ExportMetricsServiceResponse (or logs) with nothing rejected.
      exchange.getResponseHeaders().add("Content-Type", "application/x-protobuf");
      exchange.sendResponseHeaders(200, -1);
    }
  }

  private static byte[] gunzip(byte[] raw) throws IOException {
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
      return in.readAllBytes();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
