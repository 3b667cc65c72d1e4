package dev.gputel.runtime.pipeline;

import dev.gputel.runtime.telemetry.ComponentTelemetry;
import dev.gputel.spi.component.Counter;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.Signal;
import dev.gputel.spi.data.TelemetryBatch;
import dev.gputel.spi.processor.Processor;
import java.util.Map;

/** One processor in one pipeline, with its counts of items in and items it dropped. */
final class ProcessorStage {
  private final Processor processor;
  private final Counter accepted;
  private final Counter dropped;

  ProcessorStage(Processor processor, ComponentTelemetry telemetry, String pipeline, Signal signal) {
    this.processor = processor;
    Map<String, String> labels = Map.of("pipeline", pipeline, "signal", signal.id());
    this.accepted = telemetry.counter("accepted_items", "Items that reached the processor", labels);
    this.dropped = telemetry.counter("dropped_items", "Items the processor filtered out", labels);
  }

  Processor processor() {
    return processor;
  }

  /** Whether the processor lets metrics of this name through at all; see {@link Processor#keepsMetric}. */
  boolean keepsMetric(String metricName) {
    return processor.keepsMetric(metricName);
  }

  /** Returns the processed batch, or null when nothing of it is left. */
  @SuppressWarnings("unchecked")
  <B extends TelemetryBatch> B apply(B batch) {
    accepted.add(batch.size());
    TelemetryBatch out = switch (batch) {
      case MetricBatch metrics -> processor.processMetrics(metrics);
      case EventBatch events -> processor.processEvents(events);
    };
    int left = out == null ? 0 : out.size();
    if (left < batch.size()) {
      dropped.add(batch.size() - left);
    }
    return left == 0 ? null : (B) out;
  }
}
