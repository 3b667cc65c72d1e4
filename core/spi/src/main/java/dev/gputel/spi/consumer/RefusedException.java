package dev.gputel.spi.consumer;

/**
 * Thrown by a consumer that could not accept a batch (a durable exporter's spool is full, the agent
 * is stopping). The data is not lost yet: the producer still holds it and may try again.
 */
public class RefusedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RefusedException(String message) {
    super(message);
  }

  public RefusedException(String message, Throwable cause) {
    super(message, cause);
  }
}
