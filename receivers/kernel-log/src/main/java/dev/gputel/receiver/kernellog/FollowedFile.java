package dev.gputel.receiver.kernellog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import org.slf4j.Logger;

/**
 * One syslog file followed like {@code tail -F}: lines as they are completed, through rotation
 * by rename (the old file is read to its end, then the new one from its start) and by
 * copytruncate (the file shrinks below the read offset: start again at 0).
 */
final class FollowedFile implements AutoCloseable {
  private static final int MAX_LINE = 1 << 20;

  /** A complete line and where it starts, in which file. */
  record Line(byte[] bytes, String identity, long offset) {}

  /** A position saved by an earlier run. */
  record Saved(String identity, long offset) {}

  private final Path path;
  private final ReceiverMetrics metrics;
  private final Logger log;
  private Saved saved;
  private boolean startAtEnd;
  private FileChannel channel;
  private String identity;
  private long readPosition;
  private byte[] buffer = new byte[64 * 1024];
  private int start;
  private int end;

  /**
   * @param saved where an earlier run stopped, or null
   * @param startAtEnd begin a file found at the first look at its end (start-at = end)
   */
  FollowedFile(Path path, Saved saved, boolean startAtEnd, ReceiverMetrics metrics, Logger log) {
    this.path = path;
    this.saved = saved;
    this.startAtEnd = startAtEnd;
    this.metrics = metrics;
    this.log = log;
  }

  Path path() {
    return path;
  }

  /** The file being read and the offset after the last line returned; null before it was opened. */
  Saved position() {
    return identity == null ? saved : new Saved(identity, readPosition - (end - start));
  }

  /** Returns the next complete line, or null when there is none now. */
  Line poll() throws IOException {
    if (!begin()) {
      return null;
    }
    while (true) {
      Line line = frame();
      if (line != null) {
        return line;
      }
      if (read()) {
        continue;
      }
      String current = FileIdentity.orNull(path);
      if (current == null) {
        return null; // Renamed away and not recreated yet: the writer may still append to the old file.
      }
      if (!current.equals(identity)) {
        Line last = remainder(); // The old file's last line may lack its newline.
        log.info("{} was rotated; reading the new file from its start", path);
        metrics.fileRotations.increment();
        open(path, current, 0);
        if (last != null) {
          return last;
        }
        continue;
      }
      if (channel.size() < readPosition) {
        log.info("{} was truncated (copytruncate); reading it again from its start", path);
        metrics.fileRotations.increment();
        open(path, current, 0);
        continue;
      }
      return null;
    }
  }

  /** Whether {@link #poll} may have a line without waiting. */
  boolean ready() throws IOException {
    return start < end || channel != null && channel.size() > readPosition;
  }

  /** Opens the file at its starting position unless open already; false while it does not exist. */
  boolean begin() throws IOException {
    return channel != null || openFirst();
  }

  private boolean openFirst() throws IOException {
    String current = FileIdentity.orNull(path);
    Saved resume = saved;
    boolean atEnd = startAtEnd;
    saved = null;
    startAtEnd = false; // A file that appears later is read from its start.
    if (resume != null && !resume.identity().equals(current)) {
      Path predecessor = findByIdentity(resume.identity());
      if (predecessor != null) {
        log.info("{} was rotated while the agent was down; finishing {} first", path, predecessor);
        metrics.fileRotations.increment();
        open(predecessor, resume.identity(), resume.offset());
        return true;
      }
      log.warn("{} was rotated while the agent was down and the old file is gone; its unread lines are lost",
          path);
      metrics.positionResets.increment();
      resume = null;
      atEnd = false;
    }
    if (current == null) {
      return false;
    }
    long offset = resume != null ? resume.offset() : atEnd ? Files.size(path) : 0;
    if (offset > Files.size(path)) {
      log.info("{} is shorter than the saved offset (truncated while the agent was down); reading from its start",
          path);
      metrics.fileRotations.increment();
      offset = 0;
    }
    open(path, current, offset);
    return true;
  }

  /** A rotated copy in the same directory (kern.log.1, kern.log-20250101) that is the saved file. */
  private Path findByIdentity(String wanted) throws IOException {
    Path directory = path.toAbsolutePath().getParent();
    String name = path.getFileName().toString();
    try (DirectoryStream<Path> siblings = Files.newDirectoryStream(directory, name + "?*")) {
      for (Path sibling : siblings) {
        if (wanted.equals(FileIdentity.orNull(sibling))) {
          return sibling;
        }
      }
    }
    return null;
  }

  private void open(Path file, String fileIdentity, long offset) throws IOException {
    close();
    channel = FileChannel.open(file, StandardOpenOption.READ);
    channel.position(offset);
    identity = fileIdentity;
    readPosition = offset;
    start = 0;
    end = 0;
  }

  private Line frame() {
    for (int i = start; i < end; i++) {
      if (buffer[i] == '\n') {
        return take(i, i + 1);
      }
    }
    if (end - start >= MAX_LINE) {
      metrics.badLines.increment(); // Cut into pieces rather than buffered without bound.
      return take(start + MAX_LINE, start + MAX_LINE);
    }
    return null;
  }

  private Line take(int lineEnd, int next) {
    long offset = readPosition - (end - start);
    int cut = lineEnd > start && buffer[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
    Line line = new Line(Arrays.copyOfRange(buffer, start, cut), identity, offset);
    start = next;
    return line;
  }

  private Line remainder() {
    return start < end ? take(end, end) : null;
  }

  private boolean read() throws IOException {
    if (start > 0) {
      System.arraycopy(buffer, start, buffer, 0, end - start);
      end -= start;
      start = 0;
    }
    if (end == buffer.length) {
      buffer = Arrays.copyOf(buffer, buffer.length * 2);
    }
    int read = channel.read(ByteBuffer.wrap(buffer, end, buffer.length - end));
    if (read <= 0) {
      return false;
    }
    end += read;
    readPosition += read;
    return true;
  }

  @Override
  public void close() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Read-only: nothing to flush.
      }
      channel = null;
    }
  }
}
