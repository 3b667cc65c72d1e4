package dev.gputel.benchmarks.otlp;

import com.sun.net.httpserver.HttpServer;
import com.typesafe.config.ConfigFactory;
import dev.gputel.exporter.otlp.OtlpExporterFactory;
import dev.gputel.spi.component.ComponentId;
import dev.gputel.spi.component.ComponentKind;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.Host;
import dev.gputel.spi.component.Telemetry;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.exporter.Exporter;
import io.grpc.Server;
import java.nio.file.Files;
import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Points per second through the otlp exporter, one synchronous export after another, as one
 * runtime worker sends: map a batch of 8 GPUs x the full catalog (384 points), encode it, compress
 * it, send it over loopback and wait for the answer. By {@code protocol} and {@code compression};
 * the receiver reads each request whole but does not decode it.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
public class OtlpExportBenchmark {
  @Param({"http/protobuf", "grpc"})
  public String protocol;

  @Param({"gzip", "none"})
  public String compression;

  @Param({"semconv"})
  public String naming;

  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong batches = new AtomicLong();
  private HttpServer http;
  private Server grpc;
  private Exporter exporter;
  private MetricBatch batch;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    String endpoint;
    if (protocol.equals("grpc")) {
      grpc = DiscardingReceivers.grpc(bytes);
      endpoint = "http://127.0.0.1:" + grpc.getPort();
    } else {
      http = DiscardingReceivers.http(bytes);
      endpoint = "http://127.0.0.1:" + http.getAddress().getPort();
    }
    var config = ConfigFactory.parseString("protocol = \"%s\", endpoint = \"%s\", compression = %s, naming = %s"
        .formatted(protocol, endpoint, compression, naming))
        .withFallback(ConfigFactory.load().getConfig("gputel.exporters.otlp")).resolve();
    exporter = new OtlpExporterFactory().create(new ComponentSettings(
        new ComponentId(ComponentKind.EXPORTER, "otlp", ""), Telemetry.noop(), Clock.systemUTC(),
        Files.createTempDirectory("otlp-bench"), "bench"), config);
    exporter.start(new Host() {
      @Override
      public void reportFatalError(Throwable error) {
        throw new IllegalStateException(error);
      }
    });
    batch = CatalogBatches.create();
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    exporter.shutdown();
    // Request bytes as the receiver read them (gRPC: after grpc-java inflated them).
    System.out.printf("%n%s %s: %d bytes per batch of %d points%n", protocol, compression,
        bytes.get() / Math.max(1, batches.get()), CatalogBatches.POINTS);
    if (http != null) {
      http.stop(0);
    }
    if (grpc != null) {
      grpc.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
  }

  @Benchmark
  @OperationsPerInvocation(CatalogBatches.POINTS)
  public void exportMetrics() throws Exception {
    exporter.exportMetrics(batch);
    batches.incrementAndGet();
  }
}
