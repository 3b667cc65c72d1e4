package dev.gputel.exporter.otlp;

import io.opentelemetry.sdk.common.export.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * An HTTP answer as OpenTelemetry's exporter reads it (status and body), plus what its interface
 * leaves out and we need: the wait a {@code Retry-After} header asked for.
 */
record HttpAnswer(int status, byte[] body, Optional<Duration> retryAfter) implements HttpResponse {
  @Override
  public int getStatusCode() {
    return status;
  }

  @Override
  public String getStatusMessage() {
    return ""; // The JDK's HttpClient does not keep the reason phrase.
  }

  @Override
  public byte[] getResponseBody() {
    return body;
  }
}
