package dev.gputel.exporter.cloudwatchemf;

import dev.gputel.spi.exporter.ExportException;
import java.io.IOException;

/**
 * CloudWatch Logs refused a PutLogEvents call; {@link #export()} is the cloudwatch-logs sender's
 * verdict (retryable, with its wait, or permanent), which the exporter passes on to the runtime.
 */
final class ServiceFailureException extends IOException {
  private static final long serialVersionUID = 1L;

  ServiceFailureException(ExportException cause) {
    super(cause.getMessage(), cause);
  }

  ExportException export() {
    return (ExportException) getCause();
  }
}
