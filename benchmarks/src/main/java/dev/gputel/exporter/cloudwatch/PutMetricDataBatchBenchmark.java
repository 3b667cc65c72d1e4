package dev.gputel.exporter.cloudwatch;

import com.typesafe.config.ConfigFactory;
import dev.gputel.gpu.GpuMetric;
import dev.gputel.gpu.GpuRow;
import dev.gputel.gpu.SmiColumns;
import dev.gputel.spi.component.Telemetry;
import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.spi.data.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * PutMetricData batch building: one collection of an 8-GPU host (the real H100 capture's row,
 * repeated for 8 GPUs with their own index and UUID) turned into the SDK's MetricDatum objects and
 * cut into calls, by the cloudwatch exporter's DatumBuilder and RequestBatcher with its defaults
 * (CloudWatch agent names, host/index/name/arch). {@code profile = compute}: the compute profile's
 * 10 metrics; {@code full}: every catalog metric the capture has. {@code rollups = instance}:
 * {@code aggregation-dimensions = [[InstanceId], []]} with an InstanceId: each point also lands in
 * two rollup datums shared by the 8 GPUs (Values/Counts). The SDK's CBOR marshalling, signing and
 * the HTTP call are not measured. Run from the repository root.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PutMetricDataBatchBenchmark {
  private static final Instant TIME = Instant.parse("2026-07-14T08:12:53Z");
  private static final Set<GpuMetric> COMPUTE = EnumSet.of(GpuMetric.UTILIZATION_GPU, GpuMetric.POWER_DRAW,
      GpuMetric.UTILIZATION_MEMORY, GpuMetric.MEMORY_TOTAL, GpuMetric.MEMORY_USED, GpuMetric.MEMORY_FREE,
      GpuMetric.PCIE_LINK_GEN_CURRENT, GpuMetric.PCIE_LINK_WIDTH_CURRENT, GpuMetric.CLOCKS_CURRENT_SM,
      GpuMetric.CLOCKS_CURRENT_MEMORY);

  @Param({"compute", "full"})
  String profile;

  @Param({"none", "instance"})
  String rollups;

  @Param("config/captures/nvidia-smi/h100-80gb-hbm3__590.48.01__load.csv")
  String capture;

  private DatumBuilder builder;
  private RequestBatcher batcher;
  private MetricBatch batch;

  /** Points, datums and calls per second, next to the batches per second JMH reports. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Output {
    public long points;
    public long datums;
    public long calls;

    @Setup(Level.Iteration)
    public void reset() {
      points = 0;
      datums = 0;
      calls = 0;
    }
  }

  @Setup
  public void setUp() throws IOException {
    List<String> lines = Files.readAllLines(Path.of(capture));
    GpuRow row = SmiColumns.ofHeader(lines.get(0)).read(lines.get(1));
    List<MetricPoint> points = new ArrayList<>();
    for (int gpu = 0; gpu < 8; gpu++) {
      Attributes attributes = row.attributes().toBuilder().put("gpu.index", (long) gpu)
          .put("hw.id", "GPU-4c1d3e7a-9b2f-4a6e-8d1c-00000000000" + gpu).put("gpu.architecture", "Hopper").build();
      points.addAll(row.points(TIME, attributes, metric -> profile.equals("full") || COMPUTE.contains(metric)));
    }
    batch = new MetricBatch(new Resource(Attributes.builder().put("host.name", "ip-10-0-0-1")
        .put("host.id", "i-0123456789abcdef0").build()), points);
    String body = rollups.equals("instance")
        ? "append-dimensions { InstanceId = \"${aws:InstanceId}\" }, aggregation-dimensions = [[InstanceId], []]"
        : "";
    CloudWatchConfig config = CloudWatchConfig.from(ConfigFactory.parseString(body)
        .withFallback(ConfigFactory.parseResources("reference.conf").getConfig("gputel.exporters.cloudwatch"))
        .resolve());
    builder = new DatumBuilder(config.identity(), config.highResolution(), "localhost",
        new Drops(Telemetry.noop()), Clock.fixed(TIME, ZoneOffset.UTC));
    batcher = new RequestBatcher(config.maxDatumsPerRequest());
  }

  /** One 8-GPU batch to its PutMetricData calls. */
  @Benchmark
  public List<List<Datum>> build(Output output) {
    List<Datum> datums = builder.build(batch);
    List<List<Datum>> calls = batcher.split(datums);
    output.points += batch.size();
    output.datums += datums.size();
    output.calls += calls.size();
    return calls;
  }
}
