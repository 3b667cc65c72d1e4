package dev.gputel.exporter.cloudwatchemf;

import com.typesafe.config.ConfigFactory;
import dev.gputel.benchmarks.gpu.CapturedGpus;
import dev.gputel.spi.component.Telemetry;
import dev.gputel.spi.data.MetricBatch;
import java.io.IOException;
import java.time.Instant;
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
 * EMF serialisation: one collection of an 8-GPU host (the real H100 capture's row, repeated for 8
 * GPUs with their own index and UUID) turned into EMF documents, one per GPU, by the
 * cloudwatch-emf exporter's encoder with its defaults (CloudWatch agent names, host/index/name/arch).
 * {@code profile = compute}: the compute profile's 10 metrics; {@code full}: every catalog metric the
 * capture has. {@code rollups = instance}: {@code aggregation-dimensions = [[InstanceId], []]} with
 * an InstanceId, so each document carries three dimension sets. Writing to the output is not
 * measured. Run from the repository root.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class EmfEncodeBenchmark {
  private static final Instant TIME = Instant.parse("2026-07-14T08:12:53Z");

  @Param({"compute", "full"})
  String profile;

  @Param({"none", "instance"})
  String rollups;

  @Param("config/captures/nvidia-smi/h100-80gb-hbm3__590.48.01__load.csv")
  String capture;

  private EmfEncoder encoder;
  private MetricBatch batch;

  /** Documents and points per second, next to the batches per second JMH reports. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Output {
    public long documents;
    public long points;
    public long bytes;

    @Setup(Level.Iteration)
    public void reset() {
      documents = 0;
      points = 0;
      bytes = 0;
    }
  }

  @Setup
  public void setUp() throws IOException {
    batch = CapturedGpus.eightGpus(capture, profile, TIME);
    String body = rollups.equals("instance")
        ? "append-dimensions { InstanceId = \"${aws:InstanceId}\" }, aggregation-dimensions = [[InstanceId], []]"
        : "";
    EmfConfig config = EmfConfig.from(ConfigFactory.parseString(body)
        .withFallback(ConfigFactory.parseResources("reference.conf").getConfig("gputel.exporters.cloudwatch-emf"))
        .resolve());
    encoder = new EmfEncoder(config, "localhost", new Drops(Telemetry.noop()), config.maxDocumentBytes());
  }

  /** One 8-GPU batch to its documents. */
  @Benchmark
  public List<byte[]> encode(Output output) {
    List<byte[]> documents = encoder.encode(batch);
    output.documents += documents.size();
    output.points += batch.size();
    for (byte[] document : documents) {
      output.bytes += document.length;
    }
    return documents;
  }
}
