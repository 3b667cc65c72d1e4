package dev.gputel.benchmarks.pipeline;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.gputel.runtime.Agent;
import dev.gputel.runtime.AgentContext;
import dev.gputel.runtime.ComponentCreator;
import dev.gputel.runtime.config.AgentSpec;
import dev.gputel.runtime.config.ConfigValidator;
import dev.gputel.runtime.exporter.DropReason;
import dev.gputel.runtime.plugin.ComponentRegistry;
import dev.gputel.runtime.plugin.FactoryInfo;
import dev.gputel.spi.component.ComponentKind;
import dev.gputel.spi.consumer.MetricsConsumer;
import dev.gputel.spi.data.MetricBatch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Points per second through a real agent: one receiver, three processors, two exporters, built by
 * {@link ConfigValidator} and {@link Agent} from a configuration as {@code gputel run} would.
 *
 * <p>Each invocation pushes one 8-GPU batch (160 points) into the receiver's consumers; the
 * processors run on this thread, the two exporters' workers on their own. The filter and the NaN
 * drop leave 144 points, so the score counts 144 points per invocation: points each exporter
 * receives per second. The {@code exportedPoints} counter is the same rate measured at the slower
 * exporter. Pushing waits while more than {@link #WINDOW} batches are not yet exported, so the
 * queues (sized well above it) never fill; every iteration checks that nothing was dropped.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xms512m", "-Xmx512m"})
@Threads(1)
public class PipelineThroughputBenchmark {
  /** Batches pushed but not yet handed to both exporters before pushing waits. */
  static final int WINDOW = 512;
  private static final int QUEUE_SIZE = 2048;
  private static final List<String> EXPORTERS = List.of("bench-count/a", "bench-count/b");

  private Path dataDirectory;
  private Agent agent;
  private AgentContext context;
  private final AtomicReference<Throwable> fatal = new AtomicReference<>();
  private MetricsConsumer input;
  private CountingExporterFactory.Counts[] exporters;
  private MetricBatch[] batches;
  private int next;
  private long pushed;

  /** The points the slower exporter received during the iteration; JMH reports it per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Exported {
    public long exportedPoints;
    long baseline = -1;

    @Setup(Level.Iteration)
    public void reset() {
      exportedPoints = 0;
      baseline = -1;
    }
  }

  @Setup(Level.Trial)
  public void start() throws Exception {
    dataDirectory = Files.createTempDirectory("gputel-bench-pipeline");
    ComponentRegistry registry = new ComponentRegistry();
    registry.add(new FactoryInfo(ComponentKind.RECEIVER, new BenchSourceFactory(), ""));
    registry.add(new FactoryInfo(ComponentKind.PROCESSOR, new ResourceAttributesProcessorFactory(), ""));
    registry.add(new FactoryInfo(ComponentKind.PROCESSOR, new MetricFilterProcessorFactory(), ""));
    registry.add(new FactoryInfo(ComponentKind.PROCESSOR, new DropNanProcessorFactory(), ""));
    registry.add(new FactoryInfo(ComponentKind.EXPORTER, new CountingExporterFactory(), ""));
    AgentSpec spec = new ConfigValidator(registry, new ComponentCreator(Clock.systemUTC()))
        .validate(configuration(dataDirectory));
    context = AgentContext.create(fatal::set);
    agent = Agent.create(spec, context);
    agent.start();
    input = BenchSourceFactory.outlet(BenchSourceFactory.TYPE).metrics();
    exporters = EXPORTERS.stream().map(CountingExporterFactory::counts)
        .toArray(CountingExporterFactory.Counts[]::new);
    batches = GpuBatches.create(64).toArray(MetricBatch[]::new);
  }

  static Config configuration(Path dataDirectory) {
    return ConfigFactory.parseString("""
        gputel {
          service {
            data-directory = "%s"
            shutdown-timeout = 10s
            admin.enabled = false
          }
          receivers { bench-source {} }
          processors {
            bench-resource {
              attributes {
                "host.name" = "bench-host"
                "cloud.provider" = "aws"
                "cloud.region" = "us-east-1"
                "cloud.availability_zone" = "us-east-1a"
              }
            }
            bench-filter { exclude = [%s] }
            bench-drop-nan {}
          }
          exporters {
            "bench-count/a" { queue { size = %d } }
            "bench-count/b" { queue { size = %d } }
          }
          pipelines {
            metrics {
              receivers = [bench-source]
              processors = [bench-resource, bench-filter, bench-drop-nan]
              exporters = ["bench-count/a", "bench-count/b"]
            }
          }
        }
        """.formatted(dataDirectory.toString().replace("\\", "\\\\"), GpuBatches.EXCLUDED,
            QUEUE_SIZE, QUEUE_SIZE)).resolve();
  }

  @Benchmark
  @OperationsPerInvocation(GpuBatches.POINTS_EXPORTED)
  public void push(Exported exported) {
    long slowest = slowestPoints();
    if (exported.baseline < 0) {
      exported.baseline = slowest;
    }
    while (pushed - slowestBatches() >= WINDOW) {
      Thread.yield();
    }
    input.consume(batches[next]);
    next = (next + 1) % batches.length;
    pushed++;
    exported.exportedPoints = slowest - exported.baseline;
  }

  private long slowestBatches() {
    long min = Long.MAX_VALUE;
    for (CountingExporterFactory.Counts counts : exporters) {
      min = Math.min(min, counts.batches.sum());
    }
    return min;
  }

  private long slowestPoints() {
    long min = Long.MAX_VALUE;
    for (CountingExporterFactory.Counts counts : exporters) {
      min = Math.min(min, counts.points.sum());
    }
    return min;
  }

  @TearDown(Level.Iteration)
  public void checkNothingDropped() {
    if (fatal.get() != null) {
      throw new IllegalStateException("the agent reported a fatal error", fatal.get());
    }
    double dropped = dropped();
    if (dropped > 0) {
      throw new IllegalStateException("exporters dropped " + (long) dropped
          + " points: the result would overstate throughput");
    }
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (slowestBatches() < pushed && System.nanoTime() < deadline) {
      Thread.sleep(1);
    }
    StringBuilder summary = new StringBuilder("\npushed ").append(pushed).append(" batches (")
        .append(pushed * GpuBatches.POINTS).append(" points); exporters received");
    for (int i = 0; i < exporters.length; i++) {
      summary.append(' ').append(EXPORTERS.get(i)).append('=').append(exporters[i].points.sum());
    }
    summary.append(" points; gputel_exporter_dropped_items_total=").append((long) dropped());
    System.out.println(summary);
    agent.shutdown();
    try (Stream<Path> files = Files.walk(dataDirectory)) {
      for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(file);
      }
    }
  }

  /** Returns the sum of gputel_exporter_dropped_items_total over both exporters and every reason. */
  private double dropped() {
    double total = 0;
    for (String exporter : EXPORTERS) {
      for (DropReason reason : DropReason.values()) {
        double value = context.telemetry().value("gputel_exporter_dropped_items_total",
            Map.of("exporter", exporter, "signal", "metrics", "reason", reason.id()));
        total += Double.isNaN(value) ? 0 : value; // NaN: the series was never created, nothing dropped.
      }
    }
    return total;
  }
}
