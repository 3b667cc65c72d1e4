package dev.gputel.runtime.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a process with SIGKILL while it appends to a spool, then recovers the spool: every record
 * whose append had returned is there exactly once, and a record cut short is discarded and counted.
 */
class SpoolCrashTest {
  private static final int PAYLOAD = 192 * 1024;
  private static final int LARGE_PAYLOAD = 16 * 1024 * 1024;

  @TempDir Path directory;

  @Test
  void everyCompletedAppendSurvivesSigkillExactlyOnce() throws Exception {
    Set<Long> promised = runChildAndKill(directory, 2_000, PAYLOAD);

    long tornTail;
    Set<Long> recovered = new HashSet<>();
    try (Spool spool = Spool.open(directory, SpoolSettings.of(directory, 1L << 40, 8L << 20, FsyncPolicy.NEVER))) {
      tornTail = spool.recovery().tornRecords();
      for (String record : SpoolTest.drain(spool)) {
        long n = Long.parseLong(record.substring(4, record.indexOf(';')));
        assertThat(recovered.add(n)).as("record %d recovered once", n).isTrue();
        assertThat(record.getBytes(StandardCharsets.ISO_8859_1))
            .as("record %d intact", n).isEqualTo(SpoolCrashChild.payload(n, PAYLOAD));
      }
    }
    assertThat(recovered).containsAll(promised);
    assertThat(tornTail).isBetween(0L, 1L);
    // Whatever the crash left, the last segment now ends exactly after its last intact record.
    try (Spool spool = Spool.open(directory, SpoolSettings.of(directory, 1L << 40, 8L << 20, FsyncPolicy.NEVER))) {
      assertThat(spool.recovery().tornRecords()).isZero();
    }
  }

  @Test
  void sigkillDuringLargeWritesLeavesTornTailsThatRecoveryCounts() throws Exception {
    // A write of many megabytes is interrupted by SIGKILL part-way (the kernel checks for fatal
    // signals between pages), so some kills land mid-record. Try until one does; a handful of
    // attempts is usually enough. Records of 16 MiB keep the writer inside write() most of the
    // time, so that this holds even on a loaded machine, where 4 MiB records once missed 30 times.
    long torn = 0;
    int attempts = 0;
    while (torn == 0 && attempts < 40) {
      Path dir = directory.resolve("attempt-" + attempts++);
      Set<Long> promised = runChildAndKill(dir, 8, LARGE_PAYLOAD);
      try (Spool spool = Spool.open(dir, SpoolSettings.of(dir, 1L << 40, 8L << 20, FsyncPolicy.NEVER))) {
        torn = spool.recovery().tornRecords();
        if (torn == 0) {
          assertThat(spool.recovery().tornBytes()).isZero();
        } else {
          assertThat(spool.recovery().tornBytes()).isBetween(1L, (long) LARGE_PAYLOAD + Frames.RECORD_HEADER);
        }
        Set<Long> recovered = new HashSet<>();
        for (String record : SpoolTest.drain(spool)) {
          assertThat(recovered.add(Long.parseLong(record.substring(4, record.indexOf(';'))))).isTrue();
        }
        assertThat(recovered).containsAll(promised);
      }
      deleteRecursively(dir);
    }
    assertThat(torn).as("a kill landed mid-record in one of %d attempts", attempts).isEqualTo(1);
  }

  private static void deleteRecursively(Path dir) throws java.io.IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /** Starts the appending child, waits for {@code count} promised records, kills it with SIGKILL. */
  private static Set<Long> runChildAndKill(Path dir, int count, int payload) throws Exception {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process child = new ProcessBuilder(java.toString(), "-cp", System.getProperty("java.class.path"),
        SpoolCrashChild.class.getName(), dir.toString(), "4", String.valueOf(payload), "NEVER")
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    Set<Long> promised = new HashSet<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while (promised.size() < count && (line = out.readLine()) != null) {
        promised.add(Long.parseLong(line));
      }
      // SIGKILL, through the handle: Process.destroyForcibly would also close our end of its output.
      child.toHandle().destroyForcibly();
      assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
      // Numbers printed before the kill are promises too.
      while ((line = out.readLine()) != null) {
        if (!line.isBlank()) {
          promised.add(Long.parseLong(line.trim()));
        }
      }
    }
    assertThat(child.exitValue()).isEqualTo(137);
    assertThat(promised).hasSizeGreaterThanOrEqualTo(count);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.filter(f -> f.toString().endsWith(".seg")).toList()).isNotEmpty();
    }
    return promised;
  }
}
