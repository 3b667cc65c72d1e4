package dev.gputel.benchmarks.pipeline;

import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.spi.data.Resource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Batches shaped like one nvidia-smi collection of an 8-GPU host: 20 metrics per GPU, the points of
 * one GPU sharing one attributes object. {@code fan_speed} is NaN, as on data-center GPUs, which
 * have no fan.
 */
final class GpuBatches {
  static final int GPUS = 8;
  static final List<String> METRICS = List.of(
      "utilization_gpu", "utilization_memory", "memory_total", "memory_used", "memory_free",
      "power_draw", "power_limit", "temperature_gpu", "temperature_memory", "fan_speed",
      "pcie_link_gen_current", "pcie_link_width_current", "clocks_current_graphics",
      "clocks_current_sm", "clocks_current_memory", "clocks_current_video",
      "encoder_stats_session_count", "encoder_stats_average_fps", "encoder_stats_average_latency",
      "ecc_errors_corrected_volatile_total");
  /** Points in one batch. */
  static final int POINTS = GPUS * 20;
  /** The metric the pipeline's filter excludes. */
  static final String EXCLUDED = "encoder_stats_average_latency";
  /** Points of one batch left after the filter and the NaN drop: what each exporter receives. */
  static final int POINTS_EXPORTED = GPUS * 18;

  private GpuBatches() {}

  /** Returns {@code count} batches, one per collection, ten seconds apart. */
  static List<MetricBatch> create(int count) {
    if (METRICS.size() * GPUS != POINTS) {
      throw new AssertionError("POINTS does not match the metric list");
    }
    List<Attributes> gpus = new ArrayList<>();
    for (int gpu = 0; gpu < GPUS; gpu++) {
      gpus.add(Attributes.builder()
          .put("gpu.index", gpu)
          .put("hw.id", "GPU-4c1d3e7a-9b2f-4a6e-8d1c-00000000000" + gpu)
          .put("hw.model", "NVIDIA H100 80GB HBM3")
          .put("gpu.pci.bus_id", "00000000:" + Integer.toHexString(0x18 + 0x10 * gpu) + ":00.0")
          .put("gpu.driver.version", "550.127.05")
          .build());
    }
    SplittableRandom random = new SplittableRandom(42);
    Instant start = Instant.parse("2026-01-01T00:00:00Z");
    List<MetricBatch> batches = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Instant timestamp = start.plusSeconds(10L * i);
      List<MetricPoint> points = new ArrayList<>(POINTS);
      for (Attributes gpu : gpus) {
        for (String metric : METRICS) {
          double value = metric.equals("fan_speed") ? Double.NaN : random.nextDouble(100);
          points.add(MetricPoint.gauge(metric, value, "1", timestamp, gpu));
        }
      }
      batches.add(new MetricBatch(Resource.empty(), points));
    }
    return batches;
  }
}
