package dev.gputel.receiver.kernellog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits /dev/kmsg (or a regular file in its format) into records: a header line, then any
 * dictionary lines, which start with a space ({@code " SUBSYSTEM=pci"}). The device hands out one
 * whole record per read() and blocks when there is none; a file is read in chunks and polled at
 * its end.
 */
final class KmsgReader implements AutoCloseable {
  /** The device fails a read() with EINVAL when the buffer cannot hold the record. */
  private static final int MIN_READ = 16 * 1024;

  /** The lines of one record, not yet parsed. */
  record RawRecord(byte[] header, List<String> dictionary) {}

  private final FileChannel channel;
  private final boolean regularFile;
  private final Duration pollInterval;
  private final Runnable onOverrun;
  private byte[] buffer = new byte[4 * MIN_READ];
  private int start;
  private int end;
  private volatile boolean closed;

  /** @param onOverrun called when the device says unread records were overwritten (EPIPE) */
  KmsgReader(Path path, Duration pollInterval, Runnable onOverrun) throws IOException {
    this.regularFile = Files.isRegularFile(path);
    this.channel = FileChannel.open(path, StandardOpenOption.READ);
    this.pollInterval = pollInterval;
    this.onOverrun = onOverrun;
  }

  /** Returns the next record, waiting for one; throws {@link ClosedChannelException} once closed. */
  RawRecord next() throws IOException, InterruptedException {
    while (true) {
      RawRecord record = frame();
      if (record != null) {
        return record;
      }
      if (!fill()) {
        if (closed) {
          throw new ClosedChannelException();
        }
        Thread.sleep(pollInterval); // A regular file at its end: look again shortly.
      }
    }
  }

  /** Whether a record can be returned without waiting; always false for the device (it cannot say). */
  boolean ready() throws IOException {
    return start < end || regularFile && channel.size() > channel.position();
  }

  private RawRecord frame() {
    int headerEnd = indexOfNewline(start);
    if (headerEnd < 0) {
      return null;
    }
    List<String> dictionary = new ArrayList<>(2);
    int p = headerEnd + 1;
    while (p < end && buffer[p] == ' ') {
      int lineEnd = indexOfNewline(p);
      if (lineEnd < 0) {
        return null; // The rest of the record is still being written.
      }
      dictionary.add(new String(buffer, p + 1, lineEnd - p - 1, StandardCharsets.UTF_8));
      p = lineEnd + 1;
    }
    byte[] header = Arrays.copyOfRange(buffer, start, headerEnd);
    start = p;
    return new RawRecord(header, dictionary);
  }

  private int indexOfNewline(int from) {
    for (int i = from; i < end; i++) {
      if (buffer[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** Reads more bytes; false when a regular file has none yet. */
  private boolean fill() throws IOException {
    if (start > 0) {
      System.arraycopy(buffer, start, buffer, 0, end - start);
      end -= start;
      start = 0;
    }
    if (buffer.length - end < MIN_READ) {
      buffer = Arrays.copyOf(buffer, buffer.length * 2);
    }
    while (true) {
      try {
        int read = channel.read(ByteBuffer.wrap(buffer, end, buffer.length - end));
        if (read <= 0) {
          return false;
        }
        end += read;
        return true;
      } catch (IOException e) {
        if (closed || e.getMessage() == null || !e.getMessage().contains("Broken pipe")) {
          throw e;
        }
        onOverrun.run(); // EPIPE: records were overwritten; the next read goes on after them.
      }
    }
  }

  @Override
  public void close() {
    closed = true;
    try {
      channel.close(); // Wakes a thread blocked in read() on the device.
    } catch (IOException ignored) {
      // Closing a read-only channel has nothing to flush.
    }
  }
}
