package dev.gputel.exporter.cloudwatchemf;

import java.io.IOException;
import java.time.Duration;

/** The agent's socket cannot take documents now; {@link #retryAfter()} says when to try again. */
final class AgentUnavailableException extends IOException {
  private static final long serialVersionUID = 1L;

  private final transient Duration retryAfter;

  AgentUnavailableException(String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  Duration retryAfter() {
    return retryAfter;
  }
}
