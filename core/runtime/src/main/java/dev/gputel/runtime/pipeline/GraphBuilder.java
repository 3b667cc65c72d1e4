package dev.gputel.runtime.pipeline;

import dev.gputel.runtime.config.AgentSpec;
import dev.gputel.runtime.config.PipelineSpec;
import dev.gputel.runtime.exporter.ExporterRunner;
import dev.gputel.runtime.telemetry.ComponentTelemetry;
import dev.gputel.spi.component.ComponentId;
import dev.gputel.spi.consumer.Consumers;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.Signal;
import dev.gputel.spi.processor.Processor;
import dev.gputel.spi.receiver.Receiver;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Builds the graph in dependency order: exporters (shared), then each pipeline's own processors,
 * then receivers (shared), each receiver wired to every pipeline that names it.
 */
public final class GraphBuilder {

  /** Creates component instances; the agent supplies one backed by the factories. */
  public interface Components {
    ExporterRunner exporter(ComponentId id) throws IOException;

    Processor processor(ComponentId id, String pipeline);

    Receiver receiver(ComponentId id, Consumers next);

    ComponentTelemetry telemetry(ComponentId id);
  }

  private GraphBuilder() {}

  public static PipelineGraph build(AgentSpec spec, Components components) throws IOException {
    Map<ComponentId, ExporterRunner> exporters = new LinkedHashMap<>();
    for (PipelineSpec pipeline : spec.pipelines()) {
      for (ComponentId id : pipeline.exporters()) {
        if (!exporters.containsKey(id)) {
          exporters.put(id, components.exporter(id));
        }
      }
    }

    Map<ComponentId, List<Pipeline<MetricBatch>>> metricsByReceiver = new LinkedHashMap<>();
    Map<ComponentId, List<Pipeline<EventBatch>>> eventsByReceiver = new LinkedHashMap<>();
    List<Pipeline<MetricBatch>> metricPipelines = new ArrayList<>();
    List<Pipeline<EventBatch>> eventPipelines = new ArrayList<>();
    Set<ComponentId> receiverIds = new LinkedHashSet<>();
    for (PipelineSpec pipelineSpec : spec.pipelines()) {
      List<ProcessorStage> stages = new ArrayList<>();
      for (ComponentId id : pipelineSpec.processors()) {
        stages.add(new ProcessorStage(components.processor(id, pipelineSpec.id()),
            components.telemetry(id), pipelineSpec.id(), pipelineSpec.signal()));
      }
      List<ExporterRunner> targets = pipelineSpec.exporters().stream().map(exporters::get).toList();
      if (pipelineSpec.signal() == Signal.METRICS) {
        Pipeline<MetricBatch> pipeline = new Pipeline<>(pipelineSpec.id(), stages, targets);
        metricPipelines.add(pipeline);
        pipelineSpec.receivers().forEach(r -> metricsByReceiver.computeIfAbsent(r, k -> new ArrayList<>()).add(pipeline));
      } else {
        Pipeline<EventBatch> pipeline = new Pipeline<>(pipelineSpec.id(), stages, targets);
        eventPipelines.add(pipeline);
        pipelineSpec.receivers().forEach(r -> eventsByReceiver.computeIfAbsent(r, k -> new ArrayList<>()).add(pipeline));
      }
      receiverIds.addAll(pipelineSpec.receivers());
    }

    Map<ComponentId, Receiver> receivers = new LinkedHashMap<>();
    for (ComponentId id : receiverIds) {
      Consumers next = ReceiverOutlet.create(components.telemetry(id),
          metricsByReceiver.getOrDefault(id, List.of()), eventsByReceiver.getOrDefault(id, List.of()));
      receivers.put(id, components.receiver(id, next));
    }
    return PipelineGraph.of(exporters, metricPipelines, eventPipelines, receivers);
  }
}
