package dev.gputel.exporter.cloudwatchemf;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Appends documents to a file, one per line, and rotates it by size: before a write would take the
 * file past {@code maxBytes}, {@code path} becomes {@code path.1}, {@code path.1} becomes
 * {@code path.2}, and so on; {@code path.<keep>} is deleted. A document never straddles two files,
 * so a tailer (the CloudWatch agent's file input, Fluent Bit) reads whole lines.
 */
final class RotatingFileSink implements EmfSink {
  private final Path path;
  private final long maxBytes;
  private final int keep;
  private OutputStream out;
  private long size;

  RotatingFileSink(Path path, long maxBytes, int keep) throws IOException {
    this.path = path;
    this.maxBytes = maxBytes;
    this.keep = keep;
    if (path.getParent() != null) {
      Files.createDirectories(path.getParent());
    }
    open();
  }

  private void open() throws IOException {
    out = Files.newOutputStream(path, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    size = Files.size(path);
  }

  @Override
  public synchronized void write(List<byte[]> documents) throws IOException {
    if (out == null) {
      open(); // A rotation failed earlier; try again.
    }
    for (byte[] document : documents) {
      long line = document.length + 1L;
      if (size > 0 && size + line > maxBytes) {
        rotate();
      }
      out.write(document);
      out.write('\n');
      size += line;
    }
    out.flush();
  }

  private void rotate() throws IOException {
    out.close();
    out = null;
    Files.deleteIfExists(numbered(keep));
    for (int i = keep - 1; i >= 1; i--) {
      if (Files.exists(numbered(i))) {
        Files.move(numbered(i), numbered(i + 1), StandardCopyOption.REPLACE_EXISTING);
      }
    }
    Files.move(path, numbered(1), StandardCopyOption.REPLACE_EXISTING);
    open();
  }

  private Path numbered(int n) {
    return path.resolveSibling(path.getFileName() + "." + n);
  }

  @Override
  public synchronized void close() throws IOException {
    if (out != null) {
      out.close();
      out = null;
    }
  }
}
