package dev.gputel.exporter.cloudwatchlogs;

import dev.gputel.spi.exporter.ExportException;
import dev.gputel.spi.exporter.PermanentExportException;
import dev.gputel.spi.exporter.RetryableExportException;
import java.time.Duration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.model.AccessDeniedException;
import software.amazon.awssdk.services.cloudwatchlogs.model.InvalidParameterException;
import software.amazon.awssdk.services.cloudwatchlogs.model.UnrecognizedClientException;

/** Which CloudWatch Logs failures may pass (the runtime retries the batch) and which never will. */
final class Failures {
  /** How long to wait when credentials are missing or refused: someone has to fix the role. */
  static final Duration CREDENTIALS_WAIT = Duration.ofSeconds(60);

  private Failures() {}

  static ExportException classify(String what, SdkException e) {
    String message = what + " failed: " + e.getMessage();
    return switch (e) {
      // The batch itself is wrong (a limit we failed to keep, a bad name): sending it again cannot help.
      case InvalidParameterException invalid -> new PermanentExportException(message, invalid);
      // Credentials are refused, not the data: keep the events in the spool until the role is fixed.
      case UnrecognizedClientException bad -> new RetryableExportException(message, bad, CREDENTIALS_WAIT);
      case AccessDeniedException denied -> new RetryableExportException(message, denied, CREDENTIALS_WAIT);
      // Throttling (400 ThrottlingException), ServiceUnavailable (500/503), InternalFailure: back off.
      case AwsServiceException service when service.isThrottlingException() || service.statusCode() >= 500 ->
          new RetryableExportException(message, service);
      case AwsServiceException service when service.statusCode() == 403 ->
          new RetryableExportException(message, service, CREDENTIALS_WAIT);
      case AwsServiceException service -> new PermanentExportException(message, service);
      // Connection refused or reset, timeouts, no credentials found yet: all may pass.
      default -> new RetryableExportException(message, e);
    };
  }
}
