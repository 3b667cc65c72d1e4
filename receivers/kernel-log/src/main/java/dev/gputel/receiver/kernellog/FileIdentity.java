package dev.gputel.receiver.kernellog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Which file a path names right now, as {@code <device>:<inode>}: a rotation by rename gives the
 * path a new identity, while copytruncate keeps it and shrinks the file.
 */
final class FileIdentity {
  private FileIdentity() {}

  /** Returns the identity of the file at {@code path}, following links; throws if it is missing. */
  static String of(Path path) throws IOException {
    Object device = Files.getAttribute(path, "unix:dev");
    Object inode = Files.getAttribute(path, "unix:ino");
    return device + ":" + inode;
  }

  /** Returns the identity, or null when there is no such file. */
  static String orNull(Path path) {
    try {
      return Files.exists(path, new LinkOption[0]) ? of(path) : null;
    } catch (IOException e) {
      return null; // Gone between the two calls: as good as missing.
    }
  }
}
