package dev.gputel.receiver.kernellog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Resolves {@code source = auto}: the journal when journalctl is installed and a journal exists
 * (a named one, or the system journal's files), otherwise /dev/kmsg.
 */
final class SourceSelector {
  /** Where journald keeps the system journal: persistent, then volatile. */
  static final List<Path> SYSTEM_JOURNALS = List.of(Path.of("/var/log/journal"), Path.of("/run/log/journal"));

  private SourceSelector() {}

  static SourceKind resolve(KernelLogConfig config, List<Path> systemJournals) {
    if (config.source() != SourceKind.AUTO) {
      return config.source();
    }
    boolean journalctl = Executables.find(config.journald().journalctl()).isPresent();
    boolean journal = config.journald().namesAJournal() || systemJournals.stream().anyMatch(SourceSelector::holdsJournal);
    return journalctl && journal ? SourceKind.JOURNALD : SourceKind.KMSG;
  }

  /** Whether the directory holds journal files (journald puts them one level down, per machine id). */
  static boolean holdsJournal(Path directory) {
    if (!Files.isDirectory(directory)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(directory, 2)) {
      return files.anyMatch(file -> file.getFileName().toString().endsWith(".journal"));
    } catch (IOException | RuntimeException e) {
      return false; // Unreadable for this user: journalctl could not read it either.
    }
  }
}
