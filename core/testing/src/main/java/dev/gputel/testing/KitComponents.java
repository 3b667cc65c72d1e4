package dev.gputel.testing;

import com.typesafe.config.Config;
import dev.gputel.spi.component.AbstractComponentFactory;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.Stability;
import dev.gputel.spi.consumer.Consumers;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.Signal;
import dev.gputel.spi.exporter.Exporter;
import dev.gputel.spi.exporter.ExporterFactory;
import dev.gputel.spi.receiver.Receiver;
import dev.gputel.spi.receiver.ReceiverFactory;
import java.util.Set;

/**
 * The counterpart components the contract kit puts in a pipeline around the component under test:
 * a receiver that produces nothing and an exporter that collects into a {@link TelemetrySink}.
 * They are added to the registry by hand, not listed as extensions, so they never show up in a
 * real agent.
 */
final class KitComponents {
  static final String SOURCE = "kit-source";
  static final String SINK = "kit-sink";

  private KitComponents() {}

  static final class SourceFactory extends AbstractComponentFactory implements ReceiverFactory {
    SourceFactory() {
      super(SOURCE, Stability.DEVELOPMENT, Set.of(Signal.METRICS, Signal.EVENTS), "");
    }

    @Override
    public Receiver create(ComponentSettings settings, Config config, Consumers next) {
      return new Receiver() {};
    }
  }

  static final class SinkFactory extends AbstractComponentFactory implements ExporterFactory {
    private final TelemetrySink sink;

    SinkFactory(TelemetrySink sink) {
      super(SINK, Stability.DEVELOPMENT, Set.of(Signal.METRICS, Signal.EVENTS), "");
      this.sink = sink;
    }

    @Override
    public Exporter create(ComponentSettings settings, Config config) {
      return new Exporter() {
        @Override
        public void exportMetrics(MetricBatch batch) {
          sink.consume(batch);
        }

        @Override
        public void exportEvents(EventBatch batch) {
          sink.consume(batch);
        }
      };
    }
  }
}
