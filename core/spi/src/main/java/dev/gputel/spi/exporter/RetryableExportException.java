package dev.gputel.spi.exporter;

import java.time.Duration;
import java.util.Optional;

/**
 * An export that may succeed later; the runtime retries it with exponential backoff and jitter, or
 * after {@link #retryAfter()} when the destination said how long to wait (throttling).
 */
public final class RetryableExportException extends ExportException {
  private static final long serialVersionUID = 1L;

  private final Duration retryAfter;

  public RetryableExportException(String message) {
    this(message, null, null);
  }

  public RetryableExportException(String message, Throwable cause) {
    this(message, cause, null);
  }

  public RetryableExportException(String message, Throwable cause, Duration retryAfter) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  /** Returns the wait the destination asked for, if it named one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
