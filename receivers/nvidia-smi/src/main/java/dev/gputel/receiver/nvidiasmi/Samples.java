package dev.gputel.receiver.nvidiasmi;

import dev.gputel.gpu.GpuIdentityField;
import dev.gputel.gpu.GpuRow;
import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.spi.data.Resource;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Turns samples into metric batches: one point per GPU and metric with a value, named by catalog id
 * and in nvidia-smi's own unit. An absent value ({@code [N/A]}, {@code [Not Supported]}...) gives
 * no point, never a 0.
 */
final class Samples {
  private Samples() {}

  /** A {@code --query-gpu} sample: each point carries its own row's identity attributes. */
  static MetricBatch gpuBatch(Sample sample, Instant time) {
    return batch(sample, time, GpuRow::attributes);
  }

  /** A {@code --query-remapped-rows} sample: the attributes come from the GPU with the row's bus id. */
  static MetricBatch remappedRowsBatch(Sample sample, Instant time, GpuDirectory gpus) {
    return batch(sample, time, row -> {
      String busId = row.identity(GpuIdentityField.PCI_BUS_ID);
      return busId == null ? Attributes.empty() : gpus.of(busId);
    });
  }

  private static MetricBatch batch(Sample sample, Instant time, Function<GpuRow, Attributes> attributes) {
    List<MetricPoint> points = new ArrayList<>();
    for (GpuRow row : sample.rows()) {
      points.addAll(row.points(time, attributes.apply(row), metric -> true));
    }
    return new MetricBatch(Resource.empty(), points);
  }
}
