package dev.gputel.exporter.prometheus;

import dev.gputel.gpu.GpuMetric;
import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricKind;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.spi.data.Resource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Synthetic GPUs for tests: the identity of an H100 from the shipped capture (UUID zeroed there),
 * renumbered, and for every catalog metric the value {@code 10 * (index + 1) + ordinal} in the
 * catalog's unit, so each series' expected value can be computed.
 */
final class TestGpus {
  static final Instant T = Instant.parse("2026-07-14T08:12:53Z");

  private TestGpus() {}

  static Attributes gpu(int index) {
    return Attributes.builder()
        .put("gpu.index", (long) index)
        .put("hw.id", "GPU-00000000-0000-0000-0000-00000000000" + index)
        .put("hw.model", "NVIDIA H100 80GB HBM3")
        .put("gpu.pci.bus_id", "00000000:0" + index + ":00.0")
        .put("hw.serial_number", "165000000000" + index)
        .put("hw.firmware_version", "96.00.99.00.01")
        .put("gpu.driver.version", "590.48.01")
        .build();
  }

  /** The value the catalog metric has on GPU {@code index}, in the catalog's unit. */
  static double value(int index, GpuMetric metric) {
    return 10 * (index + 1) + metric.ordinal();
  }

  /** A batch with every catalog metric of the GPUs numbered {@code indexes}. */
  static MetricBatch batch(Resource resource, int... indexes) {
    List<MetricPoint> points = new ArrayList<>();
    for (int index : indexes) {
      Attributes gpu = gpu(index);
      for (GpuMetric metric : GpuMetric.values()) {
        points.add(new MetricPoint(metric.id(), value(index, metric), metric.unit().ucum(), metric.kind(), T, gpu));
      }
    }
    return new MetricBatch(resource, points);
  }

  static MetricBatch batch(int... indexes) {
    return batch(Resource.empty(), indexes);
  }

  static MetricPoint point(String name, double value, String unit, int index) {
    return new MetricPoint(name, value, unit, MetricKind.GAUGE, T, gpu(index));
  }
}
