package dev.gputel.receiver.nvml;

import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.testing.ManualClock;
import dev.gputel.testing.RecordingTelemetry;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/** Test helpers: a collector on the fake NVML, and a batch's values by GPU index and metric id. */
final class Collections {
  static final Duration INITIAL_BACKOFF = Duration.ofSeconds(1);

  private Collections() {}

  static NvmlCollector collector(String library, Predicate<String> wants, ManualClock clock,
      RecordingTelemetry telemetry) {
    NvmlConfig config = new NvmlConfig(library, Duration.ofSeconds(10), INITIAL_BACKOFF, Duration.ofMinutes(5));
    return new NvmlCollector(config, NvmlCatalog.wanted(wants), clock, telemetry, LoggerFactory.getLogger("nvml-test"));
  }

  /** Values by GPU index, then metric id. */
  static Map<Long, Map<String, Double>> byGpu(MetricBatch batch) {
    Map<Long, Map<String, Double>> values = new TreeMap<>();
    for (MetricPoint point : batch.points()) {
      Map<String, Double> gpu = values.computeIfAbsent((Long) point.attributes().get("gpu.index"), i -> new TreeMap<>());
      if (gpu.put(point.name(), point.value()) != null) {
        throw new AssertionError("two points of " + point.name() + " for one GPU: " + point.attributes());
      }
    }
    return values;
  }
}
