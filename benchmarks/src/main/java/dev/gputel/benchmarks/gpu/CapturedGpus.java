package dev.gputel.benchmarks.gpu;

import dev.gputel.gpu.GpuMetric;
import dev.gputel.gpu.GpuRow;
import dev.gputel.gpu.SmiColumns;
import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.spi.data.Resource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The input the exporter benchmarks share: one collection of an 8-GPU host, each GPU the real H100
 * row of a capture (run from the repository root) under its own index and UUID, as a receiver
 * would send it after the compute profile or with the full catalog.
 */
public final class CapturedGpus {
  /** The workload-profile processor's compute profile. */
  public static final Set<GpuMetric> COMPUTE = EnumSet.of(GpuMetric.UTILIZATION_GPU, GpuMetric.POWER_DRAW,
      GpuMetric.UTILIZATION_MEMORY, GpuMetric.MEMORY_TOTAL, GpuMetric.MEMORY_USED, GpuMetric.MEMORY_FREE,
      GpuMetric.PCIE_LINK_GEN_CURRENT, GpuMetric.PCIE_LINK_WIDTH_CURRENT, GpuMetric.CLOCKS_CURRENT_SM,
      GpuMetric.CLOCKS_CURRENT_MEMORY);
  public static final String H100_LOAD = "config/captures/nvidia-smi/h100-80gb-hbm3__590.48.01__load.csv";

  private CapturedGpus() {}

  /** Returns 8 GPUs' points at {@code time}, for profile {@code compute} or {@code full}. */
  public static MetricBatch eightGpus(String capture, String profile, Instant time) throws IOException {
    List<String> lines = Files.readAllLines(Path.of(capture));
    GpuRow row = SmiColumns.ofHeader(lines.get(0)).read(lines.get(1));
    List<MetricPoint> points = new ArrayList<>();
    for (int gpu = 0; gpu < 8; gpu++) {
      Attributes attributes = row.attributes().toBuilder().put("gpu.index", (long) gpu)
          .put("hw.id", "GPU-4c1d3e7a-9b2f-4a6e-8d1c-00000000000" + gpu).put("gpu.architecture", "Hopper").build();
      points.addAll(row.points(time, attributes, metric -> profile.equals("full") || COMPUTE.contains(metric)));
    }
    return new MetricBatch(new Resource(Attributes.builder().put("host.name", "ip-10-0-0-1")
        .put("host.id", "i-0123456789abcdef0").build()), points);
  }
}
