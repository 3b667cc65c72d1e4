package dev.gputel.exporter.cloudwatch;

import com.typesafe.config.ConfigFactory;
import dev.gputel.benchmarks.gpu.CapturedGpus;
import dev.gputel.spi.component.Telemetry;
import dev.gputel.spi.data.MetricBatch;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
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
    batch = CapturedGpus.eightGpus(capture, profile, TIME);
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
