package dev.gputel.benchmarks.xid;

import dev.gputel.xid.KernelLineParser;
import dev.gputel.xid.ParsedLine;
import dev.gputel.xid.SxidLine;
import dev.gputel.xid.XidPrefilter;
import dev.gputel.xid.XidReport;
import java.io.FileOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Kernel-log lines per second on a realistic log (1% NVIDIA lines, see {@link KernelLogs}):
 * gputel's prefilter and parser against the naive forwarder of the AWS sample
 * ({@code aws-hwaccel-event-parser.py}: keep any line containing {@code "NVRM:"}, append it,
 * stripped, to a file opened and closed for every line), measured on the same input in the same
 * run. {@code naiveContainsOnly} is the naive match without the file, to separate matching from I/O.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class KernelLogFilterBenchmark {
  static final int LINES = 100_000;

  private String[] log;
  private Path gpuEventLog;

  @Setup
  public void setUp() throws IOException {
    log = KernelLogs.realistic(LINES, 100);
    gpuEventLog = Files.createTempFile("gpuevent", ".log");
  }

  @Setup(Level.Iteration)
  public void emptyTheNaiveOutput() throws IOException {
    Files.write(gpuEventLog, new byte[0]);
  }

  @TearDown
  public void tearDown() throws IOException {
    Files.deleteIfExists(gpuEventLog);
  }

  /** gputel: every line through the prefilter, the few that pass through the parser. */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public int prefilterAndParse() {
    int reports = 0;
    for (String line : log) {
      if (XidPrefilter.mightMatter(line)) {
        ParsedLine parsed = KernelLineParser.parse(line).orElse(null);
        if (parsed instanceof XidReport || parsed instanceof SxidLine) {
          reports++;
        }
      }
    }
    return reports;
  }

  /** The prefilter alone: the cost every line pays. */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public int prefilterOnly() {
    int passed = 0;
    for (String line : log) {
      if (XidPrefilter.mightMatter(line)) {
        passed++;
      }
    }
    return passed;
  }

  /** The AWS sample: {@code if "NVRM:" in line}, then open the file, append the stripped line, close it. */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public int naiveContainsAndAppend() throws IOException {
    int appended = 0;
    for (String line : log) {
      if (line.contains("NVRM:")) {
        try (FileOutputStream out = new FileOutputStream(gpuEventLog.toFile(), true)) {
          out.write((line.strip() + "\n").getBytes(StandardCharsets.UTF_8));
        }
        appended++;
      }
    }
    return appended;
  }

  /** The naive substring match without the file. */
  @Benchmark
  @OperationsPerInvocation(LINES)
  public int naiveContainsOnly() {
    int matched = 0;
    for (String line : log) {
      if (line.contains("NVRM:")) {
        matched++;
      }
    }
    return matched;
  }
}
