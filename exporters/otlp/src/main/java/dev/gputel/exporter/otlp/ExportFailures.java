package dev.gputel.exporter.otlp;

import dev.gputel.spi.exporter.ExportException;
import dev.gputel.spi.exporter.PermanentExportException;
import dev.gputel.spi.exporter.RetryableExportException;
import io.opentelemetry.exporter.internal.FailedExportException;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.common.export.GrpcResponse;
import io.opentelemetry.sdk.common.export.GrpcStatusCode;
import io.opentelemetry.sdk.common.export.HttpResponse;
import java.net.URI;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Waits for one OTLP export and turns a failure into the runtime's two kinds, with the OTLP
 * specification's list of retryable answers: HTTP 429, 502, 503, 504 and the gRPC codes below.
 * Everything without an answer (refused connection, timeout, TLS failure) is retryable too. An
 * HTTP {@code Retry-After} goes to the runtime, which waits that long instead of its backoff.
 *
 * <p>The answer is read from {@code FailedExportException}, which lives in an internal package of
 * opentelemetry-exporter-common: the only place the exporters put the status. The tests pin it.
 */
final class ExportFailures {
  private static final Set<Integer> RETRYABLE_HTTP = Set.of(429, 502, 503, 504);
  private static final Set<GrpcStatusCode> RETRYABLE_GRPC = EnumSet.of(GrpcStatusCode.CANCELLED,
      GrpcStatusCode.DEADLINE_EXCEEDED, GrpcStatusCode.RESOURCE_EXHAUSTED, GrpcStatusCode.ABORTED,
      GrpcStatusCode.OUT_OF_RANGE, GrpcStatusCode.UNAVAILABLE, GrpcStatusCode.DATA_LOSS);
  /** Beyond the request timeout, for the exporter to notice its own timeout and report it. */
  private static final Duration GRACE = Duration.ofSeconds(5);

  private ExportFailures() {}

  /** Waits for {@code result}; returns when it succeeded, throws the kind of failure it was. */
  static void await(CompletableResultCode result, Duration timeout, String what, URI endpoint)
      throws ExportException {
    result.join(timeout.plus(GRACE).toMillis(), TimeUnit.MILLISECONDS);
    if (result.isSuccess()) {
      return;
    }
    String where = what + " to " + endpoint;
    if (!result.isDone()) {
      throw new RetryableExportException(where + ": no answer within " + timeout.plus(GRACE).toSeconds() + " s");
    }
    throw classify(result.getFailureThrowable(), where);
  }

  static ExportException classify(Throwable failure, String where) {
    return switch (failure) {
      case FailedExportException.HttpExportException http when http.getResponse() != null -> http(http.getResponse(), where, failure);
      case FailedExportException.GrpcExportException grpc when grpc.getResponse() != null -> grpc(grpc.getResponse(), where, failure);
      case FailedExportException e -> new RetryableExportException(where + " failed: " + describe(e.getCause()), e.getCause());
      case null -> new RetryableExportException(where + " failed without a reason");
      default -> new RetryableExportException(where + " failed: " + describe(failure), failure);
    };
  }

  private static ExportException http(HttpResponse response, String where, Throwable failure) {
    String reason = response.getStatusMessage();
    String message = where + ": HTTP " + response.getStatusCode()
        + (reason == null || reason.isBlank() || reason.equals(String.valueOf(response.getStatusCode())) ? "" : " " + reason);
    Duration retryAfter = response instanceof HttpAnswer answer ? answer.retryAfter().orElse(null) : null;
    return RETRYABLE_HTTP.contains(response.getStatusCode())
        ? new RetryableExportException(message + (retryAfter == null ? "" : ", retry after " + retryAfter.toSeconds() + " s"),
            failure, retryAfter)
        : new PermanentExportException(message + " (not retryable)", failure);
  }

  private static ExportException grpc(GrpcResponse response, String where, Throwable failure) {
    String message = where + ": gRPC " + response.getStatusCode()
        + (response.getStatusDescription() == null ? "" : " " + response.getStatusDescription());
    return RETRYABLE_GRPC.contains(response.getStatusCode())
        ? new RetryableExportException(message, failure)
        : new PermanentExportException(message + " (not retryable)", failure);
  }

  private static String describe(Throwable t) {
    if (t == null) {
      return "no reason given";
    }
    return t.getMessage() == null ? t.getClass().getSimpleName() : t.getClass().getSimpleName() + ": " + t.getMessage();
  }
}
