package dev.gputel.receiver.nvml;

import static java.lang.foreign.ValueLayout.JAVA_INT;

import dev.gputel.gpu.GpuMetric;
import dev.gputel.spi.component.Telemetry;
import dev.gputel.spi.data.MetricBatch;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.SymbolLookup;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
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
import org.slf4j.LoggerFactory;

/**
 * The agent's own time per collection of 8 GPUs by the nvml receiver: every FFM downcall, the
 * return-code checks, the conversions and the metric points, against the fake NVML library the
 * receiver's tests use (receivers/nvml/src/test/c/fake_nvml.c, compiled into benchmarks/target by
 * the build), whose functions do almost nothing, so the score is the receiver's cost without the
 * driver's. {@code profile = compute} reads what the workload-profile processor's compute profile
 * keeps (10 metrics, 7 NVML calls per GPU), {@code full} every catalog metric (19 calls per GPU,
 * one of them the batched field values). Run with {@code -prof gc} for the bytes allocated per
 * collection.
 *
 * <p>In the receiver's package, not the benchmarks', to reach its package-private collector.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--enable-native-access=ALL-UNNAMED")
public class NvmlCollectionBenchmark {
  /** The workload-profile processor's compute profile. */
  private static final Set<GpuMetric> COMPUTE = EnumSet.of(GpuMetric.UTILIZATION_GPU, GpuMetric.POWER_DRAW,
      GpuMetric.UTILIZATION_MEMORY, GpuMetric.MEMORY_TOTAL, GpuMetric.MEMORY_USED, GpuMetric.MEMORY_FREE,
      GpuMetric.PCIE_LINK_GEN_CURRENT, GpuMetric.PCIE_LINK_WIDTH_CURRENT, GpuMetric.CLOCKS_CURRENT_SM,
      GpuMetric.CLOCKS_CURRENT_MEMORY);
  private static final int GPUS = 8;

  @Param({"compute", "full"})
  String profile;

  /** The fake NVML, relative to the repository root the README runs the benchmarks from. */
  @Param("benchmarks/target/libfake_nvml.so")
  String library;

  private NvmlCollector collector;

  @Setup(Level.Trial)
  public void open() throws Throwable {
    String path = Path.of(library).toAbsolutePath().toString();
    // The fake serves no GPU until told how many; held loaded here so the collector's reload keeps it.
    SymbolLookup fake = SymbolLookup.libraryLookup(Path.of(path), Arena.global());
    int reset = (int) Linker.nativeLinker()
        .downcallHandle(fake.find("fake_nvml_reset").orElseThrow(), FunctionDescriptor.of(JAVA_INT, JAVA_INT))
        .invokeExact(GPUS);
    if (reset != 0) {
      throw new IllegalStateException("fake_nvml_reset failed");
    }
    NvmlConfig config = new NvmlConfig(path, Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofMinutes(5));
    collector = new NvmlCollector(config,
        NvmlCatalog.wanted(id -> profile.equals("full") || COMPUTE.stream().anyMatch(m -> m.id().equals(id))),
        Clock.systemUTC(), Telemetry.noop(), LoggerFactory.getLogger(NvmlCollectionBenchmark.class));
    collector.initialiseIfDue();
    MetricBatch first = collector.collect();
    if (first == null || first.points().stream().map(p -> p.attributes().get("gpu.index")).distinct().count() != GPUS) {
      throw new IllegalStateException("the fake NVML did not serve " + GPUS + " GPUs: " + first);
    }
  }

  @Benchmark
  public MetricBatch collect() {
    return collector.collect();
  }

  @TearDown(Level.Trial)
  public void close() {
    collector.close();
  }
}
