package dev.gputel.exporter.otlp;

import dev.gputel.gpu.GpuMetric;
import io.opentelemetry.api.common.Attributes;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The semantic-convention metrics that no receiver reports but a batch implies:
 *
 * <ul>
 *   <li>{@code hw.gpu.memory.utilization}, the fraction of memory used, from memory_used and
 *       memory_total of the same GPU and sample (nvidia-smi's utilization.memory is something
 *       else: the time memory was busy, so it goes out as nvidia.gpu.utilization_memory);
 *   <li>{@code hw.status} for the {@code failed} state only, from remapped_rows_failure, which NVIDIA
 *       documents as "the board needs replacing". 0 means that check passes, not that the GPU is
 *       healthy: no catalog metric states ok or degraded, and Xids travel as log records.
 * </ul>
 */
final class DerivedMetrics {
  private static final Attributes FAILED =
      Attributes.builder().put("hw.type", "gpu").put("hw.state", "failed").build();
  private static final WireMetric MEMORY_UTILIZATION = SemconvMetric.GPU_MEMORY_UTILIZATION.wire();
  private static final WireMetric STATUS = SemconvMetric.STATUS.wire();

  private record Sample(dev.gputel.spi.data.Attributes gpu, Instant time) {}

  private static final class Memory {
    Attributes attributes;
    double used = Double.NaN;
    double total = Double.NaN;
  }

  private final Map<Sample, Memory> memory = new LinkedHashMap<>();

  /** Looks at one point of the batch, with its converted attributes; adds what it implies. */
  void see(GpuMetric metric, dev.gputel.spi.data.MetricPoint point, Attributes attributes, long epochNanos,
      long startNanos, Map<WireMetric, PointGroup> groups) {
    switch (metric) {
      case REMAPPED_ROWS_FAILURE -> groups.computeIfAbsent(STATUS, PointGroup::new)
          .add(startNanos, epochNanos, attributes.toBuilder().putAll(FAILED).build(), point.value() != 0 ? 1 : 0);
      case MEMORY_USED, MEMORY_TOTAL -> {
        Memory m = memory.computeIfAbsent(new Sample(point.attributes(), point.timestamp()), k -> new Memory());
        m.attributes = attributes;
        if (metric == GpuMetric.MEMORY_USED) {
          m.used = point.value();
        } else {
          m.total = point.value();
        }
      }
      default -> {}
    }
  }

  /** Adds the memory utilization of every GPU and sample that had both used and total. */
  void finish(Map<WireMetric, PointGroup> groups, java.util.function.ToLongFunction<Instant> nanos) {
    memory.forEach((sample, m) -> {
      if (m.total > 0 && !Double.isNaN(m.used)) {
        groups.computeIfAbsent(MEMORY_UTILIZATION, PointGroup::new)
            .add(0, nanos.applyAsLong(sample.time()), m.attributes, m.used / m.total);
      }
    });
  }
}
