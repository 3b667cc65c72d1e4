package dev.gputel.receiver.nvidiasmi;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Finds the nvidia-smi executable. Asked again at every (re)start, never cached: the driver, and
 * nvidia-smi with it, is often installed after the agent has started.
 *
 * <p>A name without a slash is looked up on {@code PATH}, then at the fallback locations
 * ({@code /usr/bin/nvidia-smi}, where drivers install it, for agents started with a minimal PATH);
 * a path is taken as it is.
 */
final class BinaryLocator {
  static final List<Path> FALLBACKS = List.of(Path.of("/usr/bin/nvidia-smi"));

  private final String binary;
  private final String searchPath;
  private final List<Path> fallbacks;

  BinaryLocator(String binary, String searchPath, List<Path> fallbacks) {
    this.binary = binary;
    this.searchPath = searchPath == null ? "" : searchPath;
    this.fallbacks = List.copyOf(fallbacks);
  }

  /** A locator that searches this process's own {@code PATH}. */
  static BinaryLocator onPath(String binary) {
    return new BinaryLocator(binary, System.getenv("PATH"), FALLBACKS);
  }

  /** Returns the executable to run, or empty when there is none (yet). */
  Optional<Path> locate() {
    return candidates().stream().filter(BinaryLocator::isExecutableFile).findFirst();
  }

  /** Says where {@link #locate} looked, for the message when it finds nothing. */
  String describeSearch() {
    if (isPath()) {
      return binary;
    }
    return "'" + binary + "' on PATH" + (fallbacks.isEmpty() ? "" : " or at "
        + String.join(", ", fallbacks.stream().map(Path::toString).toList()));
  }

  private boolean isPath() {
    return binary.contains(File.separator);
  }

  private List<Path> candidates() {
    List<Path> candidates = new ArrayList<>();
    try {
      if (isPath()) {
        candidates.add(Path.of(binary));
        return candidates;
      }
      for (String directory : searchPath.split(File.pathSeparator)) {
        if (!directory.isEmpty()) {
          candidates.add(Path.of(directory, binary));
        }
      }
    } catch (InvalidPathException e) {
      // A malformed PATH entry is skipped, as a shell would.
    }
    candidates.addAll(fallbacks);
    return candidates;
  }

  private static boolean isExecutableFile(Path path) {
    return Files.isRegularFile(path) && Files.isExecutable(path);
  }
}
