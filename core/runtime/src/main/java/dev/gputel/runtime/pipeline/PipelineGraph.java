package dev.gputel.runtime.pipeline;

import dev.gputel.runtime.exporter.ExporterRunner;
import dev.gputel.spi.component.ComponentId;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.processor.Processor;
import dev.gputel.spi.receiver.Receiver;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The built pipelines: shared receivers feeding per-pipeline processor chains that fan out to
 * shared exporters, each behind its own runner.
 */
public final class PipelineGraph {
  private final Map<ComponentId, ExporterRunner> exporters;
  private final List<Processor> processors;
  private final Map<ComponentId, Receiver> receivers;

  private PipelineGraph(Map<ComponentId, ExporterRunner> exporters, List<Processor> processors,
      Map<ComponentId, Receiver> receivers) {
    this.exporters = exporters;
    this.processors = processors;
    this.receivers = receivers;
  }

  /** Exporter runners, in declaration order; they start first and stop last. */
  public Map<ComponentId, ExporterRunner> exporters() {
    return exporters;
  }

  /** Every processor instance of every pipeline. */
  public List<Processor> processors() {
    return processors;
  }

  /** Receivers, in declaration order; they start last and stop first. */
  public Map<ComponentId, Receiver> receivers() {
    return receivers;
  }

  /** Assembles a graph from parts the caller created; see {@link GraphBuilder}. */
  static PipelineGraph of(Map<ComponentId, ExporterRunner> exporters,
      List<Pipeline<MetricBatch>> metricPipelines, List<Pipeline<EventBatch>> eventPipelines,
      Map<ComponentId, Receiver> receivers) {
    List<Processor> processors = new ArrayList<>();
    metricPipelines.forEach(p -> p.stages().forEach(s -> processors.add(s.processor())));
    eventPipelines.forEach(p -> p.stages().forEach(s -> processors.add(s.processor())));
    return new PipelineGraph(new LinkedHashMap<>(exporters), processors, new LinkedHashMap<>(receivers));
  }
}
