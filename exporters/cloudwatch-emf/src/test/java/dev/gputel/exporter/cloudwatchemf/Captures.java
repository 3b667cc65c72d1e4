package dev.gputel.exporter.cloudwatchemf;

import dev.gputel.gpu.GpuRow;
import dev.gputel.gpu.SmiCsvStream;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.spi.data.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Metric batches from the real nvidia-smi captures shipped in config/captures (see their PROVENANCE.md). */
final class Captures {
  static final Path H100_LOAD = Path.of("../../config/captures/nvidia-smi/h100-80gb-hbm3__590.48.01__load.csv");
  static final Path RTX_2080_LOAD = Path.of("../../config/captures/nvidia-smi/geforce-rtx-2080-super__595.71.05__load.csv");

  private Captures() {}

  /**
   * Returns {@code n} batches one second apart from {@code start}, cycling through the capture's
   * samples (a one-shot capture has one sample).
   */
  static List<MetricBatch> seconds(Path capture, Resource resource, Instant start, int n) throws IOException {
    List<MetricBatch> samples = batches(capture, resource, start);
    List<MetricBatch> result = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Instant time = start.plus(Duration.ofSeconds(i));
      result.add(samples.get(i % samples.size()).withPoints(samples.get(i % samples.size()).points().stream()
          .map(p -> new MetricPoint(p.name(), p.value(), p.unit(), p.kind(), time, p.attributes())).toList()));
    }
    return result;
  }

  /** Returns one batch per sample, every catalog metric of every GPU, one second apart from {@code start}. */
  static List<MetricBatch> batches(Path capture, Resource resource, Instant start) throws IOException {
    SmiCsvStream stream = new SmiCsvStream(List.of(), problem -> { });
    List<List<GpuRow>> samples = new ArrayList<>();
    for (String line : Files.readAllLines(capture)) {
      List<GpuRow> sample = stream.line(line);
      if (!sample.isEmpty()) {
        samples.add(sample);
      }
    }
    List<GpuRow> last = stream.end();
    if (!last.isEmpty()) {
      samples.add(last);
    }
    List<MetricBatch> batches = new ArrayList<>();
    for (int i = 0; i < samples.size(); i++) {
      Instant time = start.plus(Duration.ofSeconds(i));
      List<MetricPoint> points = new ArrayList<>();
      for (GpuRow row : samples.get(i)) {
        points.addAll(row.points(time, row.attributes(), metric -> true));
      }
      batches.add(new MetricBatch(resource, points));
    }
    return batches;
  }
}
