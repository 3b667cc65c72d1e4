package dev.gputel.receiver.kernellog;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A source's saved read position: a few text lines, replaced atomically. The new content goes to
 * a temporary file that is forced to disk, renamed over the old one, and the directory is forced
 * too, so after a crash the file holds either the old position or the new one, never a mix.
 */
final class StateFile {
  private final Path file;

  StateFile(Path file) {
    this.file = file;
  }

  Path path() {
    return file;
  }

  /** Returns the saved lines; none when nothing was saved yet. */
  List<String> read() throws IOException {
    return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
  }

  /** Replaces the saved lines; returns once they are on disk. */
  void write(List<String> lines) throws IOException {
    Path directory = file.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    Path temporary = directory.resolve(file.getFileName() + ".tmp");
    byte[] content = (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8);
    try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE,
        StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    }
    Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    try (FileChannel dir = FileChannel.open(directory, StandardOpenOption.READ)) {
      dir.force(true); // The rename itself must survive a crash of the machine.
    }
  }

  /** Reads {@code key=value} lines (split at the first '='), in order; other lines are ignored. */
  static Map<String, String> keyValues(List<String> lines) {
    Map<String, String> values = new LinkedHashMap<>();
    for (String line : lines) {
      int equals = line.indexOf('=');
      if (equals > 0) {
        values.put(line.substring(0, equals), line.substring(equals + 1));
      }
    }
    return values;
  }
}
