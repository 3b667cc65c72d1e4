package dev.gputel.benchmarks.spool;

import java.io.IOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Temporary spool directories on the real disk: creating, cloning, deleting, evicting from cache. */
final class SpoolDirectories {
  private static final int O_RDONLY = 0;
  private static final int POSIX_FADV_DONTNEED = 4;

  private SpoolDirectories() {}

  /** Creates a directory under {@code java.io.tmpdir}. */
  static Path createTemp(String prefix) throws IOException {
    return Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), prefix);
  }

  static void delete(Path directory) throws IOException {
    if (!Files.exists(directory)) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /** Returns the segment files of a spool directory, oldest first. */
  static List<Path> segments(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      return files.filter(file -> file.getFileName().toString().endsWith(".seg")).sorted().toList();
    }
  }

  /**
   * Makes {@code target} a spool equal to {@code source} without copying a gigabyte: segments are
   * hard links (opening a spool never writes to them, and acknowledging only unlinks them), except
   * the last, which recovery may cut short, and the acknowledgement file, which is rewritten; those
   * two are copied.
   */
  static void cloneSpool(Path source, Path target) throws IOException {
    Files.createDirectories(target);
    List<Path> segments = segments(source);
    for (Path segment : segments) {
      Path copy = target.resolve(segment.getFileName());
      if (segment.equals(segments.getLast())) {
        Files.copy(segment, copy);
        force(copy);
      } else {
        Files.createLink(copy, segment);
      }
    }
    Path ack = source.resolve("ack.state");
    if (Files.exists(ack)) {
      Files.copy(ack, target.resolve("ack.state"), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static void force(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  /**
   * Asks the kernel to drop the cached pages of every file in {@code directory}
   * ({@code posix_fadvise(POSIX_FADV_DONTNEED)}), so that the next read comes from the disk as after
   * a reboot. Only clean pages are dropped: force the files first. Affects these files only.
   */
  static void evictFromPageCache(Path directory) throws IOException {
    try (Stream<Path> files = Files.list(directory)) {
      for (Path file : files.toList()) {
        Native.dontNeed(file);
      }
    }
  }

  /** The three libc calls eviction needs, through the foreign function API. */
  private static final class Native {
    private static final Linker LINKER = Linker.nativeLinker();
    private static final MethodHandle OPEN = handle("open",
        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.JAVA_INT),
        Linker.Option.firstVariadicArg(2));
    private static final MethodHandle FADVISE = handle("posix_fadvise",
        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT, ValueLayout.JAVA_LONG,
            ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT));
    private static final MethodHandle CLOSE = handle("close",
        FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));

    @SuppressWarnings("restricted") // Run with --enable-native-access=ALL-UNNAMED (the fork does).
    private static MethodHandle handle(String name, FunctionDescriptor descriptor, Linker.Option... options) {
      MemorySegment address = LINKER.defaultLookup().find(name)
          .orElseThrow(() -> new UnsupportedOperationException("no " + name + " in the C library"));
      return LINKER.downcallHandle(address, descriptor, options);
    }

    static void dontNeed(Path file) throws IOException {
      try (Arena arena = Arena.ofConfined()) {
        int fd = (int) OPEN.invokeExact(arena.allocateFrom(file.toString()), O_RDONLY);
        if (fd < 0) {
          throw new IOException("cannot open " + file);
        }
        int result = (int) FADVISE.invokeExact(fd, 0L, 0L, POSIX_FADV_DONTNEED);
        int closed = (int) CLOSE.invokeExact(fd);
        if (result != 0 || closed != 0) {
          throw new IOException("posix_fadvise failed on " + file + ": " + result);
        }
      } catch (IOException | RuntimeException | Error e) {
        throw e;
      } catch (Throwable e) {
        throw new IOException(e);
      }
    }
  }
}
