package dev.gputel.benchmarks.spool;

import dev.gputel.runtime.spool.FsyncPolicy;
import dev.gputel.runtime.spool.RecoveryReport;
import dev.gputel.runtime.spool.Spool;
import dev.gputel.runtime.spool.SpoolRecord;
import dev.gputel.runtime.spool.SpoolSettings;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.BenchmarkParams;

/**
 * What a spool of 1 GiB (65,536 records of 16 KiB) costs at start, in milliseconds per operation,
 * which for {@code replay} is milliseconds per GiB:
 *
 * <ul>
 *   <li>{@code open}: {@link Spool#open} after a clean close; recovery scans only the last segment;
 *   <li>{@code openTornTail}: the same after the last segment was cut in the middle of a record, as
 *       a crash leaves it; recovery must find and discard the torn record;
 *   <li>{@code replay}: open, then read every record with {@link Spool#next} and {@link Spool#ack}
 *       it, as the exporter does after a restart.
 * </ul>
 *
 * <p>The spool is written once per trial, in a temporary directory under {@code java.io.tmpdir};
 * each iteration works on a clone of it (hard links, see {@link SpoolDirectories#cloneSpool}). With
 * {@code cache=cold} every file is evicted from the page cache before the iteration, as after a
 * reboot; with {@code warm} they are read from memory, as after an agent-only restart.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 5)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "--enable-native-access=ALL-UNNAMED"})
public class SpoolRecoveryBenchmark {
  static final int PAYLOAD_BYTES = 16 * 1024;
  static final int RECORDS = (int) ((1L << 30) / PAYLOAD_BYTES);
  private static final long SEGMENT_SIZE = 16L << 20;
  private static final int WRITERS = 8;

  @Param({"warm", "cold"})
  public String cache;

  private Path root;
  private Path pristine;
  private Path work;
  private int iteration;
  private Spool spool;

  @Setup(Level.Trial)
  public void write() throws Exception {
    root = SpoolDirectories.createTemp("gputel-bench-recovery");
    pristine = root.resolve("pristine");
    long started = System.nanoTime();
    try (Spool writing = Spool.open(pristine, settings(pristine))) {
      byte[] payload = new byte[PAYLOAD_BYTES];
      new SplittableRandom(11).nextBytes(payload);
      try (ExecutorService writers = Executors.newFixedThreadPool(WRITERS)) {
        List<Future<?>> done = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
          done.add(writers.submit(() -> {
            for (int i = 0; i < RECORDS / WRITERS; i++) {
              writing.append(payload);
            }
            return null;
          }));
        }
        for (Future<?> future : done) {
          future.get();
        }
      }
    }
    for (Path segment : SpoolDirectories.segments(pristine)) {
      SpoolDirectories.force(segment);
    }
    System.out.printf("%nwrote %d records of %d bytes (%d bytes in %d segments) in %.2f s%n", RECORDS,
        PAYLOAD_BYTES, sizeOf(pristine), SpoolDirectories.segments(pristine).size(),
        (System.nanoTime() - started) / 1e9);
  }

  @Setup(Level.Iteration)
  public void prepare(BenchmarkParams params) throws IOException {
    work = root.resolve("run-" + iteration++);
    SpoolDirectories.cloneSpool(pristine, work);
    if (params.getBenchmark().endsWith("openTornTail")) {
      Path last = SpoolDirectories.segments(work).getLast();
      try (FileChannel channel = FileChannel.open(last, StandardOpenOption.WRITE)) {
        channel.truncate(channel.size() - PAYLOAD_BYTES / 2);
        channel.force(true);
      }
    }
    if (cache.equals("cold")) {
      SpoolDirectories.evictFromPageCache(work);
    }
  }

  @TearDown(Level.Iteration)
  public void close() throws IOException {
    if (spool != null) {
      spool.close();
      spool = null;
    }
    SpoolDirectories.delete(work);
  }

  @TearDown(Level.Trial)
  public void deleteAll() throws IOException {
    SpoolDirectories.delete(root);
  }

  @Benchmark
  public RecoveryReport open() throws IOException {
    spool = Spool.open(work, settings(work));
    RecoveryReport report = spool.recovery();
    if (report.tornRecords() != 0) {
      throw new IllegalStateException("a cleanly closed spool reported a torn record: " + report);
    }
    return report;
  }

  @Benchmark
  public RecoveryReport openTornTail() throws IOException {
    spool = Spool.open(work, settings(work));
    RecoveryReport report = spool.recovery();
    if (report.tornRecords() != 1) {
      throw new IllegalStateException("the torn record was not found: " + report);
    }
    return report;
  }

  @Benchmark
  public long replay() throws IOException, InterruptedException {
    spool = Spool.open(work, settings(work));
    long records = 0;
    SpoolRecord record;
    while ((record = spool.next(0, TimeUnit.MILLISECONDS)) != null) {
      spool.ack(record);
      records++;
    }
    if (records != RECORDS || !spool.isDrained()) {
      throw new IllegalStateException("replayed " + records + " of " + RECORDS + " records");
    }
    return records;
  }

  private static SpoolSettings settings(Path directory) {
    return SpoolSettings.of(directory, 4L << 30, SEGMENT_SIZE, FsyncPolicy.NEVER);
  }

  static long sizeOf(Path directory) throws IOException {
    long total = 0;
    for (Path segment : SpoolDirectories.segments(directory)) {
      total += Files.size(segment);
    }
    return total;
  }
}
