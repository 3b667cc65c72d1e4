package dev.gputel.receiver.kernellog;

import java.io.IOException;

/**
 * An open kernel-log source, read by one thread. The reading thread calls {@link #next} and, once
 * the lines read so far have been accepted downstream, {@link #commit}; any thread may call
 * {@link #close} to make a blocked {@link #next} return.
 */
interface LineSource extends AutoCloseable {

  /**
   * Returns the next line, blocking until there is one; null when the source has ended (journalctl
   * exited) and must be opened again.
   */
  KernelLine next() throws IOException, InterruptedException;

  /** Whether {@link #next} would return without waiting; false when unsure. */
  boolean ready() throws IOException;

  /** Persists the position after the last line {@link #next} returned. */
  void commit() throws IOException;

  /** Says why {@link #next} returned null, for the log and the receiver's status. */
  default String endReason() throws InterruptedException {
    return "the source ended";
  }

  /** Releases the source; safe to call twice and from another thread. */
  @Override
  void close();
}
