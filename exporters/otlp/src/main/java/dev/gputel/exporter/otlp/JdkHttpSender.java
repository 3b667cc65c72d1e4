package dev.gputel.exporter.otlp;

import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.Compressor;
import io.opentelemetry.sdk.common.export.HttpResponse;
import io.opentelemetry.sdk.common.export.HttpSender;
import io.opentelemetry.sdk.common.export.HttpSenderConfig;
import io.opentelemetry.sdk.common.export.HttpSenderProvider;
import io.opentelemetry.sdk.common.export.MessageWriter;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * OTLP/HTTP over the JDK's {@link HttpClient}, for OpenTelemetry's exporters. It stands in for
 * opentelemetry-exporter-sender-jdk, which uses the same client but hands the exporter only status
 * and body: this one also keeps {@code Retry-After}, so that a throttled export waits as long as the
 * receiver asked (see {@link ExportFailures}). One request per export, no retry of its own.
 */
final class JdkHttpSender implements HttpSender {
  private final HttpSenderConfig config;
  private final Clock clock;
  private final HttpClient client;

  JdkHttpSender(HttpSenderConfig config, Clock clock) {
    this.config = config;
    this.clock = clock;
    HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(config.getConnectTimeout());
    if (config.getSslContext() != null) {
      client.sslContext(config.getSslContext());
    }
    if (config.getProxyOptions() != null) {
      client.proxy(config.getProxyOptions().getProxySelector());
    }
    if (config.getExecutorService() != null) {
      client.executor(config.getExecutorService());
    }
    this.client = client.build();
  }

  /** Creates these senders; handed to the exporters by {@link SenderLoader}, never found by ServiceLoader. */
  record Provider(Clock clock) implements HttpSenderProvider {
    @Override
    public HttpSender createSender(HttpSenderConfig config) {
      return new JdkHttpSender(config, clock);
    }
  }

  @Override
  public void send(MessageWriter message, Consumer<HttpResponse> onResponse, Consumer<Throwable> onError) {
    HttpRequest request;
    try {
      request = request(message);
    } catch (IOException | RuntimeException e) {
      onError.accept(e);
      return;
    }
    client.sendAsync(request, java.net.http.HttpResponse.BodyHandlers.ofByteArray()).whenComplete((response, error) -> {
      if (error != null) {
        onError.accept(error instanceof java.util.concurrent.CompletionException && error.getCause() != null
            ? error.getCause() : error);
      } else {
        onResponse.accept(new HttpAnswer(response.statusCode(), response.body(),
            RetryAfter.parse(response.headers().firstValue("Retry-After").orElse(null), clock)));
      }
    });
  }

  private HttpRequest request(MessageWriter message) throws IOException {
    Body body = new Body(Math.max(64, message.getContentLength()));
    Compressor compressor = config.getCompressor();
    if (compressor == null) {
      message.writeMessage(body);
    } else {
      try (OutputStream compressed = compressor.compress(body)) {
        message.writeMessage(compressed);
      }
    }
    HttpRequest.Builder request = HttpRequest.newBuilder(config.getEndpoint()).timeout(config.getTimeout())
        .header("Content-Type", config.getContentType())
        .POST(body.publisher());
    if (compressor != null) {
      request.header("Content-Encoding", compressor.getEncoding());
    }
    Map<String, List<String>> headers = config.getHeadersSupplier() == null ? null : config.getHeadersSupplier().get();
    if (headers != null) {
      headers.forEach((name, values) -> values.forEach(value -> request.header(name, value)));
    }
    return request.build();
  }

  /** The encoded request, published from its own buffer rather than a copy of it. */
  private static final class Body extends ByteArrayOutputStream {
    Body(int size) {
      super(size);
    }

    HttpRequest.BodyPublisher publisher() {
      return HttpRequest.BodyPublishers.ofByteArray(buf, 0, count);
    }
  }

  @Override
  public CompletableResultCode shutdown() {
    client.shutdown(); // The runtime drained the queue before: nothing is in flight.
    return CompletableResultCode.ofSuccess();
  }
}
