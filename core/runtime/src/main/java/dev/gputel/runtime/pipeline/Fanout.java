package dev.gputel.runtime.pipeline;

import dev.gputel.runtime.exporter.ExporterRunner;
import dev.gputel.spi.consumer.RefusedException;
import dev.gputel.spi.data.TelemetryBatch;
import java.util.List;
import java.util.function.Consumer;

/**
 * Hands each batch to every exporter of a pipeline. Batches are immutable, so all exporters share
 * one instance. A refusal by one exporter does not stop delivery to the others; it is reported
 * once all have been offered the batch.
 */
final class Fanout<B extends TelemetryBatch> implements Consumer<B> {
  private final List<ExporterRunner> exporters;

  Fanout(List<ExporterRunner> exporters) {
    this.exporters = List.copyOf(exporters);
  }

  @Override
  public void accept(B batch) {
    RefusedException refused = null;
    for (ExporterRunner exporter : exporters) {
      try {
        exporter.offer(batch);
      } catch (RefusedException e) {
        if (refused == null) {
          refused = new RefusedException(e.getMessage(), e);
        } else {
          refused.addSuppressed(e);
        }
      }
    }
    if (refused != null) {
      throw refused;
    }
  }
}
