package dev.gputel.runtime.pipeline;

import dev.gputel.runtime.exporter.ExporterRunner;
import dev.gputel.spi.data.TelemetryBatch;
import java.util.List;
import java.util.function.Consumer;

/** One pipeline's path from its receivers to its exporters: processors in order, then fan-out. */
public final class Pipeline<B extends TelemetryBatch> implements Consumer<B> {
  private final String id;
  private final List<ProcessorStage> stages;
  private final Fanout<B> fanout;

  Pipeline(String id, List<ProcessorStage> stages, List<ExporterRunner> exporters) {
    this.id = id;
    this.stages = List.copyOf(stages);
    this.fanout = new Fanout<>(exporters);
  }

  public String id() {
    return id;
  }

  List<ProcessorStage> stages() {
    return stages;
  }

  /**
   * Whether metrics of this name can reach this pipeline's exporters: every processor keeps them.
   * A pipeline without processors wants every metric.
   */
  boolean wants(String metricName) {
    return stages.stream().allMatch(stage -> stage.keepsMetric(metricName));
  }

  @Override
  public void accept(B batch) {
    B current = batch;
    for (ProcessorStage stage : stages) {
      current = stage.apply(current);
      if (current == null) {
        return;
      }
    }
    fanout.accept(current);
  }
}
