package dev.gputel.receiver.nvidiasmi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

/**
 * The fake nvidia-smi of src/test/resources/fake-nvidia-smi, installed in a test's directory with a
 * scenario file beside it (see the script's header for what each setting does).
 */
final class FakeNvidiaSmi {
  final Path binary;
  final Path log;
  final Path pids;
  private final Path conf;
  private Path capture = Captures.H100_LOAD;
  private String unknownFields = "";
  private String behaviour = "normal";

  private FakeNvidiaSmi(Path directory) {
    this.binary = directory.resolve("nvidia-smi");
    this.conf = directory.resolve("fake-nvidia-smi.conf");
    this.log = directory.resolve("runs.log");
    this.pids = directory.resolve("hang.pids");
  }

  /** Installs the fake in {@code directory}, replaying {@link Captures#H100_LOAD}. */
  static FakeNvidiaSmi installedIn(Path directory) {
    return notYetInstalledIn(directory).install();
  }

  /** Prepares the scenario, but leaves the binary out until {@link #install}. */
  static FakeNvidiaSmi notYetInstalledIn(Path directory) {
    FakeNvidiaSmi fake = new FakeNvidiaSmi(directory);
    fake.writeConf();
    return fake;
  }

  FakeNvidiaSmi install() {
    try (InputStream script = FakeNvidiaSmi.class.getResourceAsStream("/fake-nvidia-smi/nvidia-smi")) {
      Path staged = binary.resolveSibling("nvidia-smi.staged");
      Files.copy(script, staged, StandardCopyOption.REPLACE_EXISTING);
      Files.setPosixFilePermissions(staged, PosixFilePermissions.fromString("rwxr-xr-x"));
      // Appears whole, as a package manager's rename would make it.
      Files.move(staged, binary, StandardCopyOption.ATOMIC_MOVE);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  FakeNvidiaSmi capture(Path file) {
    capture = file;
    return writeConf();
  }

  FakeNvidiaSmi unknownFields(String spaceSeparated) {
    unknownFields = spaceSeparated;
    return writeConf();
  }

  FakeNvidiaSmi behaviour(String name) {
    behaviour = name;
    return writeConf();
  }

  /** Returns the argument lists of the runs so far, oldest first (the pid is dropped). */
  List<String> runs() {
    if (!Files.exists(log)) {
      return List.of();
    }
    List<String> runs = new ArrayList<>();
    for (String line : Captures.lines(log)) {
      runs.add(line.substring(line.indexOf(' ') + 1));
    }
    return runs;
  }

  /** Returns the pids of the runs so far. */
  List<Long> runPids() {
    if (!Files.exists(log)) {
      return List.of();
    }
    return Captures.lines(log).stream().map(line -> Long.parseLong(line.substring(0, line.indexOf(' ')))).toList();
  }

  /** The pids a hanging run wrote: its own and its child's; empty until it wrote them. */
  List<Long> hangPids() {
    if (!Files.exists(pids)) {
      return List.of();
    }
    List<String> lines = Captures.lines(pids);
    if (lines.isEmpty() || lines.getFirst().isBlank()) {
      return List.of();
    }
    return List.of(lines.getFirst().strip().split(" ")).stream().map(Long::parseLong).toList();
  }

  private FakeNvidiaSmi writeConf() {
    String text = "CAPTURE='" + capture.toAbsolutePath() + "'\n"
        + "UNKNOWN_FIELDS='" + unknownFields + "'\n"
        + "BEHAVIOUR='" + behaviour + "'\n"
        + "LOG='" + log + "'\n"
        + "PIDS='" + pids + "'\n";
    try {
      Path staged = conf.resolveSibling("fake-nvidia-smi.conf.staged");
      Files.writeString(staged, text, StandardCharsets.UTF_8);
      Files.move(staged, conf, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return this;
  }
}
