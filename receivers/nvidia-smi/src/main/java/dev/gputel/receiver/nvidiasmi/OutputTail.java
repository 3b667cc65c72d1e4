package dev.gputel.receiver.nvidiasmi;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

/**
 * Drains a stream on a virtual thread and keeps its last characters, so a child's stderr never
 * fills its pipe (which would block the child) and its last words are there for the error message.
 */
final class OutputTail {
  private static final int KEEP = 2048;

  private final StringBuilder tail = new StringBuilder();
  private final Thread drainer;

  OutputTail(InputStream stream, String threadName) {
    drainer = Thread.ofVirtual().name(threadName).start(() -> drain(stream));
  }

  private void drain(InputStream stream) {
    char[] buffer = new char[1024];
    try (Reader reader = new InputStreamReader(stream, StandardCharsets.UTF_8)) {
      int read;
      while ((read = reader.read(buffer)) >= 0) {
        synchronized (tail) {
          tail.append(buffer, 0, read);
          if (tail.length() > 2 * KEEP) {
            tail.delete(0, tail.length() - KEEP);
          }
        }
      }
    } catch (IOException e) {
      // The process is gone; what was read so far is the tail.
    }
  }

  /** Waits briefly for the stream's end, then returns the last characters read, trimmed. */
  String text() {
    try {
      drainer.join(500);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (tail) {
      int from = Math.max(0, tail.length() - KEEP);
      return tail.substring(from).strip();
    }
  }
}
