package dev.gputel.processor.resourcedetection;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The JDK HTTP client as metadata services need it: HTTP/1.1 only (IMDS and the ECS agent do not
 * speak HTTP/2, and an h2c upgrade offer is one more thing to go wrong), short connect and answer
 * timeouts, no redirects. Only the background refresh thread calls it.
 */
final class MetadataHttp implements AutoCloseable {
  private final HttpClient client;
  private final Duration timeout;

  MetadataHttp(Duration timeout) {
    this.timeout = timeout;
    this.client = HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(timeout)
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  Duration timeout() {
    return timeout;
  }

  /** Sends the request with the answer timeout set; I/O failures come back as they are. */
  HttpResponse<String> send(HttpRequest.Builder request) throws IOException, MetadataException {
    try {
      return client.send(request.timeout(timeout).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new MetadataException("interrupted while waiting for " + request.build().uri());
    }
  }

  /** Says in words why a request failed, for a status line. */
  static String describe(IOException e, Duration timeout) {
    return switch (e) {
      case HttpConnectTimeoutException t -> "no connection within " + seconds(timeout);
      case HttpTimeoutException t -> "connected, but no answer within " + seconds(timeout);
      case ConnectException c -> "connection refused or unreachable";
      default -> e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
    };
  }

  static String seconds(Duration duration) {
    return duration.toMillis() % 1000 == 0 ? duration.toSeconds() + "s" : duration.toMillis() + "ms";
  }

  /** Abandons requests in flight: shutdown must not wait out a hanging metadata service. */
  @Override
  public void close() {
    client.shutdownNow();
  }
}
