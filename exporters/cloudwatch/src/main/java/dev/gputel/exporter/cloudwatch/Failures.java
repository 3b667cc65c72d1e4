package dev.gputel.exporter.cloudwatch;

import dev.gputel.spi.exporter.ExportException;
import dev.gputel.spi.exporter.PermanentExportException;
import dev.gputel.spi.exporter.RetryableExportException;
import java.util.Set;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Sorts a failed PutMetricData call into what the runtime should do: retry throttling, 5xx, expired
 * or missing credentials and network failures; drop a request CloudWatch refused as invalid.
 */
final class Failures {
  /** Error codes CloudWatch and the SDK use for throttling (the SDK's own list, plus the 429 status). */
  private static final Set<String> THROTTLING = Set.of("Throttling", "ThrottlingException", "ThrottledException",
      "RequestThrottledException", "TooManyRequestsException", "RequestLimitExceeded", "SlowDown");
  /** Credentials that may be renewed (instance profile and task role rotate them). */
  private static final Set<String> CREDENTIALS = Set.of("ExpiredToken", "ExpiredTokenException",
      "RequestExpired", "InvalidClientTokenId", "UnrecognizedClientException", "SignatureDoesNotMatch",
      "AccessDenied", "AccessDeniedException");

  private Failures() {}

  /** The kind of failure, for counting and the log. */
  enum Kind { THROTTLED, SERVER_ERROR, CREDENTIALS, NETWORK, INVALID }

  static Kind kind(SdkException failure) {
    if (failure instanceof AwsServiceException service) {
      String code = service.awsErrorDetails() == null ? null : service.awsErrorDetails().errorCode();
      int status = service.statusCode();
      if (status == 429 || service.isThrottlingException() || (code != null && THROTTLING.contains(code))) {
        return Kind.THROTTLED;
      }
      if (status >= 500) {
        return Kind.SERVER_ERROR;
      }
      if (status == 401 || status == 403 || (code != null && CREDENTIALS.contains(code))) {
        return Kind.CREDENTIALS;
      }
      return Kind.INVALID;
    }
    // No answer from CloudWatch: connection refused or reset, timeout, DNS, or no credentials found.
    return Kind.NETWORK;
  }

  static ExportException toExportException(SdkException failure, Kind kind, String context) {
    String message = context + ": " + describe(failure);
    return kind == Kind.INVALID
        ? new PermanentExportException(message, failure)
        : new RetryableExportException(message, failure);
  }

  static String describe(SdkException failure) {
    if (failure instanceof AwsServiceException service && service.awsErrorDetails() != null) {
      return service.statusCode() + " " + service.awsErrorDetails().errorCode() + ": "
          + service.awsErrorDetails().errorMessage();
    }
    return failure.getMessage();
  }
}
