package dev.gputel.exporter.prometheus;

import com.typesafe.config.ConfigFactory;
import dev.gputel.gpu.GpuMetric;
import dev.gputel.spi.component.ComponentId;
import dev.gputel.spi.component.ComponentKind;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.Telemetry;
import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.spi.data.Resource;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
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
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.slf4j.LoggerFactory;

/**
 * One scrape of the prometheus exporter's /metrics with 8 GPUs and the full catalog (47 metrics,
 * 376 series plus 8 {@code nvidia_gpu_info}): an HTTP GET over a kept-alive loopback connection,
 * answered in text format 0.0.4. {@code data = unchanged} scrapes what was scraped before (the
 * exporter reuses its snapshots), {@code updated} exports a new batch of the 8 GPUs before every
 * scrape, as when Prometheus scrapes as often as the receiver collects, so the score includes the
 * batch's update. The client reads into a reused buffer, so {@code -prof gc}'s bytes per operation
 * are the exporter's and the JDK HTTP server's. {@code render} is the same scrape without HTTP:
 * collect the snapshots and write the text into a reused buffer, the exporter's own cost, with the
 * thread's CPU time as counters ({@code cpuNanos / renders}: the cost without other processes' waits).
 * Synthetic values; no self-telemetry.
 *
 * <p>In the exporter's package, not the benchmarks', to reach the package-private exporter.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PrometheusScrapeBenchmark {
  private static final int GPUS = 8;
  private static final byte[] REQUEST =
      "GET /metrics HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/plain\r\n\r\n".getBytes(StandardCharsets.US_ASCII);

  @Param({"unchanged", "updated"})
  String data;

  private PrometheusExporter exporter;
  private MetricBatch batch;
  private Socket socket;
  private OutputStream out;
  private InputStream in;
  private final byte[] body = new byte[1 << 20];
  private LatestValues values;
  private GpuMetricsCollector collector;
  private final ByteArrayOutputStream text = new ByteArrayOutputStream(1 << 17);
  private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();

  @Setup(Level.Trial)
  public void start() throws Exception {
    PrometheusConfig config = PrometheusConfig.from(ConfigFactory.parseString("port = 0")
        .withFallback(ConfigFactory.parseResources("reference.conf").getConfig("gputel.exporters.prometheus"))
        .resolve());
    exporter = new PrometheusExporter(config, new ComponentSettings(
        new ComponentId(ComponentKind.EXPORTER, "prometheus", ""), Telemetry.noop(), Clock.systemUTC(),
        Files.createTempDirectory("gputel-bench"), "bench"));
    exporter.start(error -> { });
    batch = batch();
    exporter.exportMetrics(batch);
    socket = new Socket("127.0.0.1", exporter.port());
    socket.setTcpNoDelay(true);
    out = socket.getOutputStream();
    in = new BufferedInputStream(socket.getInputStream(), 1 << 16);
    GpuLabeler labeler = new GpuLabeler(Naming.PROMETHEUS, List.of(), "");
    values = new LatestValues(PrometheusNames.families(), labeler, config.expireAfter());
    values.update(batch, Instant.now(), point -> { });
    collector = new GpuMetricsCollector(values, new XidCounts(Naming.PROMETHEUS, labeler), error -> { }, false,
        Clock.systemUTC(), amount -> { }, LoggerFactory.getLogger(PrometheusScrapeBenchmark.class));
  }

  /**
   * The CPU time the rendering thread used, summed over an iteration: on a shared machine, where
   * wall time waits for other processes, {@code cpuNanos / renders} is the render's own cost.
   */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.EVENTS)
  public static class CpuTime {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    public long cpuNanos;
    public long renders;

    @Setup(Level.Iteration)
    public void reset() {
      cpuNanos = 0;
      renders = 0;
    }
  }

  /** Returns the size of the text, so the work cannot be optimised away. */
  @Benchmark
  public int render(CpuTime cpu) throws IOException {
    long start = CpuTime.THREADS.getCurrentThreadCpuTime();
    if (data.equals("updated")) {
      values.update(batch, Instant.now(), point -> { });
    }
    text.reset();
    writer.write(text, collector.collect());
    cpu.cpuNanos += CpuTime.THREADS.getCurrentThreadCpuTime() - start;
    cpu.renders++;
    return text.size();
  }

  @TearDown(Level.Trial)
  public void stop() throws IOException {
    socket.close();
    exporter.shutdown();
  }

  /** Returns the size of the body, so the work cannot be optimised away. */
  @Benchmark
  public int scrape() throws IOException {
    if (data.equals("updated")) {
      exporter.exportMetrics(batch);
    }
    out.write(REQUEST);
    out.flush();
    int length = readHeaders();
    int read = 0;
    while (read < length) {
      int n = in.read(body, read, length - read);
      if (n < 0) {
        throw new IOException("connection closed after " + read + " of " + length + " bytes");
      }
      read += n;
    }
    return read;
  }

  /** Reads the status line and headers; returns Content-Length. */
  private int readHeaders() throws IOException {
    int length = -1;
    StringBuilder line = new StringBuilder(64);
    while (true) {
      int c = in.read();
      if (c < 0) {
        throw new IOException("connection closed in the headers");
      }
      if (c != '\n') {
        if (c != '\r') {
          line.append((char) c);
        }
        continue;
      }
      if (line.isEmpty()) {
        return length;
      }
      if (line.length() > 16 && line.substring(0, 15).equalsIgnoreCase("content-length:")) {
        length = Integer.parseInt(line.substring(15).trim());
      }
      line.setLength(0);
    }
  }

  /** 8 GPUs, every catalog metric, the points of one GPU sharing one Attributes as receivers build them. */
  private static MetricBatch batch() {
    List<MetricPoint> points = new ArrayList<>();
    Instant now = Instant.now();
    for (int gpu = 0; gpu < GPUS; gpu++) {
      Attributes identity = Attributes.builder().put("gpu.index", (long) gpu)
          .put("hw.id", "GPU-00000000-0000-0000-0000-00000000000" + gpu).put("hw.model", "NVIDIA H100 80GB HBM3")
          .put("gpu.pci.bus_id", "00000000:" + (0x18 + gpu * 0x10) + ":00.0").put("hw.serial_number", "165000000000" + gpu)
          .put("hw.firmware_version", "96.00.99.00.01").put("gpu.driver.version", "590.48.01").build();
      for (GpuMetric metric : GpuMetric.values()) {
        points.add(new MetricPoint(metric.id(), 17.5 + gpu + metric.ordinal(), metric.unit().ucum(), metric.kind(),
            now, identity));
      }
    }
    return new MetricBatch(Resource.empty(), points);
  }
}
