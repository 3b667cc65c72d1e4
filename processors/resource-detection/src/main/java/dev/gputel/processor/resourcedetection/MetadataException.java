package dev.gputel.processor.resourcedetection;

/**
 * A metadata source could not be read. The message says what was asked of whom, what happened
 * and, where we know it, what to change; it becomes the component's down status as it is.
 */
final class MetadataException extends Exception {
  MetadataException(String message) {
    super(message);
  }

  MetadataException(String message, Throwable cause) {
    super(message, cause);
  }
}
