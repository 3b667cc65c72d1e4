package dev.gputel.benchmarks.spool;

import dev.gputel.runtime.spool.FsyncPolicy;
import dev.gputel.runtime.spool.Spool;
import dev.gputel.runtime.spool.SpoolSettings;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32C;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Append throughput of the spool, by payload size, fsync policy and number of appending threads.
 * Concurrent appends are group-committed: one writer thread writes and forces all waiting records
 * together. The score is appends per second (all threads together); {@code payloadMB} is the same
 * as payload megabytes (10^6 bytes) per second, not counting the 8-byte record header.
 *
 * <p>Each iteration appends to a fresh spool in a temporary directory under {@code
 * java.io.tmpdir}, which is deleted after the iteration, so the spool never fills and the disk does
 * not either. Segments are 16 MiB, the default.
 *
 * <p>{@code baselineOneWriter} is the experimental control: the same framed records written by the
 * calling thread straight to a {@link FileChannel}, forced as the policy says, with no writer thread
 * and no hand-off. What a spool append costs beyond it is the price of group commit.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g"})
public class SpoolAppendBenchmark {
  private static final long MAX_SIZE = 1L << 40;
  private static final long SEGMENT_SIZE = 16L << 20;

  @Param({"1024", "16384"})
  public int payloadBytes;

  @Param({"always", "interval", "never"})
  public String fsync;

  private byte[] payload;
  private double payloadMegabytes;
  private FsyncPolicy policy;
  private Path directory;
  private Spool spool;
  private FileChannel baseline;
  private long lastForce;

  /** Payload megabytes appended by one thread during the iteration; JMH reports it per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Appended {
    public double payloadMB;

    @Setup(Level.Iteration)
    public void reset() {
      payloadMB = 0;
    }
  }

  @Setup(Level.Trial)
  public void createPayload() {
    payload = new byte[payloadBytes];
    new SplittableRandom(7).nextBytes(payload);
    payloadMegabytes = payloadBytes / 1e6;
  }

  @Setup(Level.Iteration)
  public void open() throws IOException {
    directory = SpoolDirectories.createTemp("gputel-bench-append");
    policy = FsyncPolicy.valueOf(fsync.toUpperCase(Locale.ROOT));
    spool = Spool.open(directory, SpoolSettings.of(directory, MAX_SIZE, SEGMENT_SIZE, policy));
    baseline = FileChannel.open(directory.resolve("baseline.bin"),
        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    lastForce = System.nanoTime();
  }

  @TearDown(Level.Iteration)
  public void delete() throws IOException {
    spool.close();
    baseline.close();
    SpoolDirectories.delete(directory);
  }

  @Benchmark
  @Threads(1)
  public void oneWriter(Appended appended) throws Exception {
    spool.append(payload);
    appended.payloadMB += payloadMegabytes;
  }

  @Benchmark
  @Threads(8)
  public void eightWriters(Appended appended) throws Exception {
    spool.append(payload);
    appended.payloadMB += payloadMegabytes;
  }

  @Benchmark
  @Threads(1)
  public void baselineOneWriter(Appended appended) throws IOException {
    CRC32C crc = new CRC32C();
    crc.update(payload);
    ByteBuffer frame = ByteBuffer.allocate(8 + payload.length);
    frame.putInt(payload.length).putInt((int) crc.getValue()).put(payload).flip();
    while (frame.hasRemaining()) {
      baseline.write(frame);
    }
    long now = System.nanoTime();
    if (policy == FsyncPolicy.ALWAYS
        || (policy == FsyncPolicy.INTERVAL && now - lastForce >= TimeUnit.SECONDS.toNanos(1))) {
      baseline.force(false);
      lastForce = now;
    }
    appended.payloadMB += payloadMegabytes;
  }
}
