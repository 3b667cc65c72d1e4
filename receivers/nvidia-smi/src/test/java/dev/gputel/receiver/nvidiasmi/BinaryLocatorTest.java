package dev.gputel.receiver.nvidiasmi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BinaryLocatorTest {
  @TempDir Path directory;

  @Test
  void aNameIsLookedUpOnPathInOrderSkippingWhatIsNotExecutable() throws IOException {
    Path first = Files.createDirectories(directory.resolve("first"));
    Path second = Files.createDirectories(directory.resolve("second"));
    Files.writeString(first.resolve("nvidia-smi"), "not executable");
    Path executable = executable(second.resolve("nvidia-smi"));
    String path = first + File.pathSeparator + "" + File.pathSeparator + second;

    assertThat(new BinaryLocator("nvidia-smi", path, List.of()).locate()).contains(executable);
  }

  @Test
  void theFallbackIsTriedWhenPathHasNone() throws IOException {
    Path fallback = executable(directory.resolve("usr-bin-nvidia-smi"));

    assertThat(new BinaryLocator("nvidia-smi", directory.resolve("empty").toString(), List.of(fallback)).locate())
        .contains(fallback);
  }

  @Test
  void aPathIsTakenAsItIsWithoutSearching() throws IOException {
    Path onPath = executable(Files.createDirectories(directory.resolve("bin")).resolve("nvidia-smi"));
    BinaryLocator locator = new BinaryLocator(directory.resolve("elsewhere/nvidia-smi").toString(),
        onPath.getParent().toString(), List.of(onPath));

    assertThat(locator.locate()).isEmpty();
    assertThat(locator.describeSearch()).isEqualTo(directory.resolve("elsewhere/nvidia-smi").toString());
  }

  @Test
  void findsTheBinaryOnceItAppears() throws IOException {
    BinaryLocator locator = new BinaryLocator("nvidia-smi", directory.toString(), List.of());
    assertThat(locator.locate()).isEmpty();

    Path installed = executable(directory.resolve("nvidia-smi"));

    assertThat(locator.locate()).contains(installed);
  }

  @Test
  void theSearchIsDescribedForTheNotFoundMessage() {
    assertThat(new BinaryLocator("nvidia-smi", "", BinaryLocator.FALLBACKS).describeSearch())
        .isEqualTo("'nvidia-smi' on PATH or at /usr/bin/nvidia-smi");
  }

  private static Path executable(Path file) throws IOException {
    Files.writeString(file, "#!/bin/sh\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    return file;
  }
}
