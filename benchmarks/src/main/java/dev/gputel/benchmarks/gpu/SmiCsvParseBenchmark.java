package dev.gputel.benchmarks.gpu;

import dev.gputel.gpu.GpuIdentityField;
import dev.gputel.gpu.GpuMetric;
import dev.gputel.gpu.GpuRow;
import dev.gputel.gpu.SmiColumns;
import dev.gputel.spi.data.MetricPoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rows per second through the nvidia-smi CSV reader, from a line of text to metric points, on the
 * real H100 capture (config/captures/nvidia-smi). {@code query = compute} projects that row onto
 * what the nvidia-smi receiver asks for under the compute profile (index, uuid, name, bus id and
 * the profile's 10 metrics, values without units as {@code --format=csv,nounits} prints them);
 * {@code query = catalog} onto every identity field and catalog metric; {@code query = full} reads
 * the whole 212-column row with units, as the capture was taken.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SmiCsvParseBenchmark {
  private static final Instant TIME = Instant.parse("2026-07-14T08:12:38Z");
  private static final Set<GpuIdentityField> COMPUTE_IDENTITY = EnumSet.of(GpuIdentityField.INDEX,
      GpuIdentityField.UUID, GpuIdentityField.NAME, GpuIdentityField.PCI_BUS_ID);

  @Param({"compute", "catalog", "full"})
  String query;

  @Param("config/captures/nvidia-smi/h100-80gb-hbm3__590.48.01__load.csv")
  String capture;

  private SmiColumns columns;
  private String line;

  @Setup
  public void setUp() {
    List<String> lines = read(Path.of(capture));
    SmiColumns all = SmiColumns.ofHeader(lines.get(0));
    GpuRow row = all.read(lines.get(1));
    if (query.equals("full")) {
      columns = all;
      line = lines.get(1);
      return;
    }
    List<String> fields = new ArrayList<>();
    List<String> cells = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      boolean wanted = query.equals("catalog")
          ? all.metric(i) != null || all.identity(i) != null
          : CapturedGpus.COMPUTE.contains(all.metric(i)) || COMPUTE_IDENTITY.contains(all.identity(i));
      if (wanted) {
        fields.add(all.fields().get(i));
        cells.add(withoutUnit(row.cell(i)));
      }
    }
    columns = SmiColumns.of(fields);
    line = String.join(", ", cells);
  }

  /** Reads one row: cells split, numbers parsed, the row checked against its columns. */
  @Benchmark
  public GpuRow read() {
    return columns.read(line);
  }

  /** Reads one row into points: what the receiver does for each GPU of each sample. */
  @Benchmark
  public List<MetricPoint> rowToPoints() {
    GpuRow row = columns.read(line);
    return row.points(TIME, row.attributes(), (GpuMetric metric) -> true);
  }

  private static String withoutUnit(String cell) {
    int space = cell.indexOf(' ');
    boolean quantity = space > 0 && Character.isDigit(cell.charAt(0)) && cell.indexOf(' ', space + 1) < 0;
    return quantity ? cell.substring(0, space) : cell;
  }

  private static List<String> read(Path path) {
    try {
      return Files.readAllLines(path);
    } catch (IOException e) {
      throw new UncheckedIOException("run from the repository root, or pass -p capture=<path>", e);
    }
  }
}
