package dev.gputel.runtime.pipeline;

import dev.gputel.runtime.telemetry.ComponentTelemetry;
import dev.gputel.spi.component.Counter;
import dev.gputel.spi.consumer.Consumers;
import dev.gputel.spi.consumer.EventsConsumer;
import dev.gputel.spi.consumer.MetricsConsumer;
import dev.gputel.spi.consumer.RefusedException;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.Signal;
import dev.gputel.spi.data.TelemetryBatch;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Where one receiver's output goes: every pipeline that names it, per signal, counting what the
 * pipelines accepted and what they refused. The metrics side also tells the receiver which metric
 * names any of those pipelines keeps, so it can skip collecting the rest; the events side whether
 * any pipeline takes its events at all.
 */
final class ReceiverOutlet {
  private ReceiverOutlet() {}

  static Consumers create(
      ComponentTelemetry telemetry,
      List<Pipeline<MetricBatch>> metricPipelines,
      List<Pipeline<EventBatch>> eventPipelines) {
    return new Consumers(
        new PipelineMetrics(counted(telemetry, Signal.METRICS, metricPipelines), List.copyOf(metricPipelines)),
        new PipelineEvents(counted(telemetry, Signal.EVENTS, eventPipelines), !eventPipelines.isEmpty()));
  }

  /**
   * The metrics consumer a receiver gets. A method reference would inherit {@code wants}' default
   * (true for everything), so this answers it from the pipelines: a name is wanted when at least
   * one pipeline keeps it, and no name is wanted when no metrics pipeline takes from the receiver.
   */
  private record PipelineMetrics(Consumer<MetricBatch> delivery, List<Pipeline<MetricBatch>> pipelines)
      implements MetricsConsumer {
    @Override
    public void consume(MetricBatch batch) {
      delivery.accept(batch);
    }

    @Override
    public boolean wants(String metricName) {
      return pipelines.stream().anyMatch(pipeline -> pipeline.wants(metricName));
    }
  }

  /** The events consumer a receiver gets: wanted when at least one events pipeline takes from the receiver. */
  private record PipelineEvents(Consumer<EventBatch> delivery, boolean wanted) implements EventsConsumer {
    @Override
    public void consume(EventBatch batch) {
      delivery.accept(batch);
    }
  }

  private static <B extends TelemetryBatch> Consumer<B> counted(
      ComponentTelemetry telemetry, Signal signal, List<Pipeline<B>> pipelines) {
    if (pipelines.isEmpty()) {
      return batch -> {}; // No pipeline takes this signal from this receiver.
    }
    Map<String, String> labels = Map.of("signal", signal.id());
    Counter accepted = telemetry.counter("accepted_items",
        "Items the receiver produced that the pipelines accepted", labels);
    Counter refused = telemetry.counter("refused_items",
        "Items the receiver produced that a pipeline refused (the receiver keeps them)", labels);
    List<Pipeline<B>> targets = List.copyOf(pipelines);
    return batch -> {
      RefusedException refusal = null;
      for (Pipeline<B> pipeline : targets) {
        try {
          pipeline.accept(batch);
        } catch (RefusedException e) {
          refusal = e;
        }
      }
      if (refusal != null) {
        refused.add(batch.size());
        throw refusal;
      }
      accepted.add(batch.size());
    };
  }
}
