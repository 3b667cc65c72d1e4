package dev.gputel.benchmarks.kernellog;

import com.typesafe.config.Config;
import dev.gputel.spi.component.AbstractComponentFactory;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.Stability;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.Signal;
import dev.gputel.spi.exporter.Exporter;
import dev.gputel.spi.exporter.ExporterFactory;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Creates {@code bench-arrival} exporters: they note when each benchmark line reaches them (by the
 * {@code #<n>} at the end of its text, {@link System#nanoTime}) and send nothing.
 */
final class ArrivalExporterFactory extends AbstractComponentFactory implements ExporterFactory {
  static final String TYPE = "bench-arrival";

  /** Line number to arrival time, of the running exporter. */
  static final ConcurrentMap<Integer, Long> ARRIVALS = new ConcurrentHashMap<>();

  ArrivalExporterFactory() {
    super(TYPE, Stability.DEVELOPMENT, Set.of(Signal.EVENTS), "");
  }

  @Override
  public Exporter create(ComponentSettings settings, Config config) {
    return new Exporter() {
      @Override
      public void exportEvents(EventBatch batch) {
        long now = System.nanoTime();
        for (Event event : batch.events()) {
          int hash = event.body().lastIndexOf('#');
          if (hash >= 0) {
            ARRIVALS.putIfAbsent(Integer.parseInt(event.body().substring(hash + 1)), now);
          }
        }
      }
    };
  }
}
