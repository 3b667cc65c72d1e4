package dev.gputel.receiver.kernellog;

import dev.gputel.spi.data.Attributes;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;

/**
 * Kernel messages from the systemd journal, through {@code journalctl --follow -o json}. The
 * position is journalctl's cursor (with the boot id, for the log), saved in the state directory
 * after the lines up to it were accepted, and passed back with {@code --after-cursor}.
 */
final class JournaldSource implements LineSource {
  /** How long a fresh journalctl may take to fail on a bad argument before it counts as running. */
  static final Duration STARTUP_GRACE = Duration.ofMillis(300);
  private static final int MAX_LINE = 1 << 20;
  private static final File DEV_NULL = new File("/dev/null");

  private final StateFile state;
  private final ReceiverMetrics metrics;
  private final Logger log;
  private final JournalEntries entries = new JournalEntries();
  private final Process process;
  private final ProcessErrors errors;
  private final LineReader reader;
  private String cursor;
  private String bootId;
  private String committedCursor;

  private JournaldSource(Process process, ProcessErrors errors, StateFile state, String cursor, String bootId,
      ReceiverMetrics metrics, Logger log) {
    this.process = process;
    this.errors = errors;
    this.reader = new LineReader(process.getInputStream(), MAX_LINE);
    this.state = state;
    this.cursor = cursor;
    this.committedCursor = cursor;
    this.bootId = bootId;
    this.metrics = metrics;
    this.log = log;
  }

  /**
   * Starts journalctl after the saved cursor, or at {@code start-at} when there is none (or
   * journalctl rejects it). Throws with journalctl's own words when it cannot run.
   */
  static JournaldSource open(JournaldConfig config, Prefilter prefilter, StateFile state, ReceiverMetrics metrics,
      Logger log) throws IOException, InterruptedException {
    Path journalctl = Executables.find(config.journalctl())
        .orElseThrow(() -> new IOException("journalctl not found: '" + config.journalctl() + "'"));
    Map<String, String> saved = StateFile.keyValues(state.read());
    String cursor = saved.get("cursor");
    String savedBoot = saved.get("boot-id");
    String grep = config.grep() ? prefilter.asRegex() : null;
    String machineId = readMachineId();
    Path setpriv = Executables.find("setpriv").orElse(null);
    while (true) {
      List<String> command = JournalctlCommand.build(journalctl, config, grep, cursor, machineId, setpriv);
      log.debug("running {}", command);
      Process process;
      try {
        process = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(DEV_NULL)).start();
      } catch (IOException e) {
        throw new IOException("cannot run " + journalctl + ": " + e.getMessage(), e);
      }
      ProcessErrors errors = new ProcessErrors(process.getErrorStream(), "journalctl", log);
      if (!process.waitFor(STARTUP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
        errors.running();
        if (cursor != null) {
          log.info("resuming after cursor {} (boot {})", cursor, savedBoot);
        } else {
          log.info("no saved cursor; reading from start-at = {}", config.startAt().id());
        }
        return new JournaldSource(process, errors, state, cursor, savedBoot, metrics, log);
      }
      String why = errors.lastLines();
      if (cursor != null && why.contains("cursor")) {
        // A cursor from another journal, or a damaged state file: begin again where configured.
        log.warn("journalctl rejected the saved cursor ({}); reading from start-at = {} instead", why,
            config.startAt().id());
        metrics.positionResets.increment();
        cursor = null;
        continue;
      }
      throw new IOException("journalctl exited with code " + process.exitValue()
          + (why.isEmpty() ? "" : ": " + why));
    }
  }

  @Override
  public KernelLine next() throws IOException {
    while (true) {
      byte[] line = reader.readLine();
      if (line == null) {
        return null;
      }
      if (reader.wasTruncated()) {
        metrics.badLines.increment();
        log.warn("journalctl printed a line over {} bytes; skipped", MAX_LINE);
        continue;
      }
      JournalEntry entry;
      try {
        entry = entries.parse(line);
      } catch (IllegalArgumentException e) {
        metrics.badLines.increment();
        log.warn("journalctl printed an entry that cannot be read ({}); skipped: {}", e.getMessage(),
            preview(line));
        continue;
      }
      cursor = entry.cursor();
      String entryBoot = BootIds.normalize(entry.bootId());
      if (entryBoot != null && bootId != null && !entryBoot.equals(bootId)) {
        log.info("journal moves from boot {} to boot {}", bootId, entryBoot);
      }
      if (entryBoot != null) {
        bootId = entryBoot;
      }
      return toLine(entry, entryBoot);
    }
  }

  private static KernelLine toLine(JournalEntry entry, String bootId) {
    long kernelMicros = entry.kernelMicros();
    Instant time = Instant.EPOCH.plusNanos(entry.realtimeMicros() * 1000);
    if (bootId != null && kernelMicros >= 0) {
      return KernelLine.ofKernel(entry.message(), time, bootId, kernelMicros, entry.hostName(), entry.priority(),
          Attributes.empty());
    }
    // Stable too: a cursor names one entry of one journal.
    return new KernelLine(entry.message(), time, bootId, kernelMicros, "journal:" + entry.cursor(), 0,
        entry.hostName(), entry.priority(), Attributes.empty());
  }

  @Override
  public boolean ready() throws IOException {
    return reader.ready();
  }

  @Override
  public void commit() throws IOException {
    if (cursor == null || cursor.equals(committedCursor)) {
      return;
    }
    List<String> lines = new ArrayList<>(List.of("cursor=" + cursor));
    if (bootId != null) {
      lines.add("boot-id=" + bootId);
    }
    state.write(lines);
    committedCursor = cursor;
  }

  /** Why the source ended: journalctl's exit code and last words. */
  @Override
  public String endReason() throws InterruptedException {
    process.waitFor(1, TimeUnit.SECONDS);
    String why = errors.lastLines();
    return "journalctl exited" + (process.isAlive() ? "" : " with code " + process.exitValue())
        + (why.isEmpty() ? "" : ": " + why);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(2, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }

  private static String readMachineId() {
    try {
      String id = Files.readString(Path.of("/etc/machine-id")).trim();
      return id.matches("[0-9a-f]{32}") ? id : null;
    } catch (IOException | RuntimeException e) {
      return null; // No machine id (a minimal container): read without that match.
    }
  }

  private static String preview(byte[] line) {
    String text = MessageText.decode(line);
    return text.length() > 200 ? text.substring(0, 200) + "..." : text;
  }
}
