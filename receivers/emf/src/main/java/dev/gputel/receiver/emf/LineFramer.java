package dev.gputel.receiver.emf;

/**
 * Cuts a TCP byte stream into newline-terminated lines of at most {@code maxLength} bytes (a
 * trailing {@code \r} is dropped, so CRLF works too). A longer line is reported with its length and
 * skipped up to its newline, without holding it in memory, so one bad client line costs nothing but
 * that line. Not thread-safe: one connection owns it.
 */
final class LineFramer {
  /** Where the lines go. */
  interface Lines {
    /** A complete line in {@code bytes[offset, offset + length)}, valid only during the call. */
    void line(byte[] bytes, int offset, int length);

    /** A line of {@code length} bytes (at least) that was longer than the limit, skipped. */
    void tooLong(long length);
  }

  private static final int INITIAL = 8 * 1024;
  /** A buffer grown past this for one long line is given back after it: idle connections stay small. */
  private static final int KEEP = 64 * 1024;

  private final int maxLength;
  private byte[] line = new byte[INITIAL];
  private int size;
  private boolean discarding;
  private long discarded;

  LineFramer(int maxLength) {
    this.maxLength = maxLength;
  }

  /** Takes the next {@code length} bytes of the stream. */
  void feed(byte[] bytes, int offset, int length, Lines out) {
    int start = offset;
    int end = offset + length;
    for (int i = offset; i < end; i++) {
      if (bytes[i] != '\n') {
        continue;
      }
      if (size == 0 && !discarding) {
        emit(bytes, start, i - start, out); // The whole line is in this read: no copy.
      } else {
        append(bytes, start, i - start);
        finish(out);
      }
      start = i + 1;
    }
    append(bytes, start, end - start);
  }

  /** The stream ended: a last line without a newline is still a line. */
  void end(Lines out) {
    if (size > 0 || discarding) {
      finish(out);
    }
  }

  private void append(byte[] bytes, int offset, int length) {
    if (length == 0) {
      return;
    }
    if (discarding) {
      discarded += length;
      return;
    }
    if (size + length > maxLength + 1) { // + 1: room for the \r of a CRLF line at the limit
      discarding = true;
      discarded = size + (long) length;
      size = 0;
      shrink();
      return;
    }
    if (size + length > line.length) {
      byte[] bigger = new byte[Math.min(maxLength + 1, Math.max(line.length * 2, size + length))];
      System.arraycopy(line, 0, bigger, 0, size);
      line = bigger;
    }
    System.arraycopy(bytes, offset, line, size, length);
    size += length;
  }

  private void finish(Lines out) {
    if (discarding) {
      out.tooLong(discarded);
      discarding = false;
      discarded = 0;
    } else {
      emit(line, 0, size, out);
    }
    size = 0;
    shrink();
  }

  private void emit(byte[] bytes, int offset, int length, Lines out) {
    int n = length > 0 && bytes[offset + length - 1] == '\r' ? length - 1 : length;
    if (n > maxLength) {
      out.tooLong(n);
    } else {
      out.line(bytes, offset, n);
    }
  }

  private void shrink() {
    if (line.length > KEEP) {
      line = new byte[INITIAL];
    }
  }
}
