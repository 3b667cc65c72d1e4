package dev.gputel.benchmarks.pipeline;

import com.typesafe.config.Config;
import dev.gputel.spi.component.AbstractComponentFactory;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.Host;
import dev.gputel.spi.component.Stability;
import dev.gputel.spi.consumer.Consumers;
import dev.gputel.spi.data.Signal;
import dev.gputel.spi.receiver.Receiver;
import dev.gputel.spi.receiver.ReceiverFactory;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Creates {@code bench-source} receivers. A started receiver publishes the consumers the runtime
 * gave it under its instance id, so the benchmark thread can push batches into the pipelines as
 * if the receiver had produced them.
 */
final class BenchSourceFactory extends AbstractComponentFactory implements ReceiverFactory {
  static final String TYPE = "bench-source";
  private static final Map<String, Consumers> OUTLETS = new ConcurrentHashMap<>();

  BenchSourceFactory() {
    super(TYPE, Stability.DEVELOPMENT, Set.of(Signal.METRICS), "");
  }

  /** Returns where a started receiver sends its batches. */
  static Consumers outlet(String instanceId) {
    Consumers next = OUTLETS.get(instanceId);
    if (next == null) {
      throw new IllegalStateException("receiver " + instanceId + " is not running");
    }
    return next;
  }

  @Override
  public Receiver create(ComponentSettings settings, Config config, Consumers next) {
    String id = settings.id().toString();
    return new Receiver() {
      @Override
      public void start(Host host) {
        OUTLETS.put(id, next);
      }

      @Override
      public void shutdown() {
        OUTLETS.remove(id, next);
      }
    };
  }
}
