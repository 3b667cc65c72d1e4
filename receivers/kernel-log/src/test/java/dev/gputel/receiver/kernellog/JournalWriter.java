package dev.gputel.receiver.kernellog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Writes real journal files: one {@code systemd-journal-remote -o <file> -} process that reads
 * export-format entries on its standard input and appends each to the journal file as it
 * arrives, where a following journalctl sees it within milliseconds.
 */
final class JournalWriter implements AutoCloseable {
  /** Debian's systemd-journal-remote package puts it here, off PATH. */
  static final Path JOURNAL_REMOTE = Path.of("/lib/systemd/systemd-journal-remote");

  private final Process process;
  private final OutputStream in;
  private final Path log;

  /** Starts appending to {@code file}, which must end in .journal. */
  JournalWriter(Path file) throws IOException {
    assertThat(JOURNAL_REMOTE).as("systemd-journal-remote (apt-get install systemd-journal-remote)").isExecutable();
    Files.createDirectories(file.getParent());
    log = Files.createTempFile(file.getParent(), "journal-remote", ".log"); // journalctl reads only *.journal
    process = new ProcessBuilder(JOURNAL_REMOTE.toString(), "-o", file.toString(), "-")
        .redirectErrorStream(true).redirectOutput(log.toFile()).start();
    in = process.getOutputStream();
  }

  /** Writes one entry file: everything in {@code entries}, then waits for the writer to finish. */
  static void writeAll(Path file, List<ExportEntry> entries) throws Exception {
    try (JournalWriter writer = new JournalWriter(file)) {
      writer.append(entries);
    }
  }

  /** Appends entries; they are in the file once journal-remote has read them (milliseconds). */
  synchronized void append(List<ExportEntry> entries) throws IOException {
    for (ExportEntry entry : entries) {
      in.write(entry.export());
    }
    in.flush();
  }

  synchronized void append(ExportEntry entry) throws IOException {
    append(List.of(entry));
  }

  @Override
  public void close() throws Exception {
    in.close();
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("systemd-journal-remote finished").isTrue();
    assertThat(process.exitValue()).as("systemd-journal-remote: %s", Files.readString(log)).isZero();
  }
}
