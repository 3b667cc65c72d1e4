package dev.gputel.runtime.spool;

/** An append that would take the spool over its size cap; nothing was written. */
public final class SpoolFullException extends Exception {
  private static final long serialVersionUID = 1L;

  SpoolFullException(String message) {
    super(message);
  }
}
