package dev.gputel.runtime.spool;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/** One segment file of a spool. Its fields are guarded by the spool's lock. */
final class Segment {
  final long id;
  final Path path;
  final FileChannel channel;
  /** The end of the last committed record: what readers may read up to. */
  long end;
  /** True once the writer has moved on to a newer segment; {@link #end} is then final. */
  boolean sealed;
  /**
   * The readers' own channel. A channel closes itself when a thread blocked in it is interrupted,
   * and exporter workers are interrupted at the shutdown deadline: that must not close the
   * writer's channel too. Used under the spool's read lock only.
   */
  private FileChannel reader;

  Segment(long id, Path path, FileChannel channel, long end) {
    this.id = id;
    this.path = path;
    this.channel = channel;
    this.end = end;
  }

  static String fileName(long id) {
    return String.format("%020d.seg", id);
  }

  static long idOf(Path file) {
    String name = file.getFileName().toString();
    return Long.parseLong(name.substring(0, name.length() - ".seg".length()));
  }

  static boolean isSegment(Path file) {
    return file.getFileName().toString().matches("\\d{20}\\.seg");
  }

  /** Returns the readers' channel, reopened if an interrupted read closed it. */
  FileChannel reader() throws IOException {
    if (reader == null || !reader.isOpen()) {
      reader = FileChannel.open(path, java.nio.file.StandardOpenOption.READ);
    }
    return reader;
  }

  void close() {
    try {
      channel.close();
      if (reader != null) {
        reader.close();
      }
    } catch (IOException ignored) {
      // Closing channels we only read and append to; nothing is lost if this fails.
    }
  }
}
