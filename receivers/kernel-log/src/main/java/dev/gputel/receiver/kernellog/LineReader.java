package dev.gputel.receiver.kernellog;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream (journalctl's output) into lines without decoding it, and says whether the
 * next line can be read without blocking, so that a burst becomes one batch.
 */
final class LineReader {
  private final InputStream in;
  private final int maxLine;
  private byte[] buffer = new byte[64 * 1024];
  private int start;
  private int end;
  private boolean truncated;

  /** @param maxLine longer lines are cut to this many bytes (see {@link #wasTruncated}) */
  LineReader(InputStream in, int maxLine) {
    this.in = in;
    this.maxLine = maxLine;
  }

  /** Returns the next line without its '\n', or null at the end of the stream. */
  byte[] readLine() throws IOException {
    truncated = false;
    int scanned = 0; // Bytes after start known to hold no newline; fill() may move start.
    while (true) {
      for (int i = start + scanned; i < end; i++) {
        if (buffer[i] == '\n') {
          byte[] line = Arrays.copyOfRange(buffer, start, Math.min(i, start + maxLine));
          truncated |= i - start > maxLine;
          start = i + 1;
          return line;
        }
      }
      scanned = end - start;
      if (scanned > maxLine) {
        // Keep the first maxLine bytes and drop the rest until the newline.
        truncated = true;
        end = start + maxLine;
        scanned = maxLine;
      }
      if (!fill()) {
        if (start == end) {
          return null;
        }
        byte[] last = Arrays.copyOfRange(buffer, start, end); // A final line without '\n'.
        start = end;
        return last;
      }
    }
  }

  /** Whether the last line returned was cut to the maximum length. */
  boolean wasTruncated() {
    return truncated;
  }

  /** Whether another line (or part of one) is already here. */
  boolean ready() throws IOException {
    return start < end || in.available() > 0;
  }

  private boolean fill() throws IOException {
    if (start > 0) {
      System.arraycopy(buffer, start, buffer, 0, end - start);
      end -= start;
      start = 0;
    }
    if (end == buffer.length) {
      buffer = Arrays.copyOf(buffer, buffer.length * 2);
    }
    int read = in.read(buffer, end, buffer.length - end);
    if (read < 0) {
      return false;
    }
    end += read;
    return true;
  }
}
