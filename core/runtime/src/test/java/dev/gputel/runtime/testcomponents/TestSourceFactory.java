package dev.gputel.runtime.testcomponents;

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

/** A receiver the test drives: it hands out the consumers it was created with. */
public final class TestSourceFactory extends AbstractComponentFactory implements ReceiverFactory {
  private final Map<String, Source> sources = new ConcurrentHashMap<>();
  private final LifecycleLog log;

  public TestSourceFactory(LifecycleLog log) {
    super("test-source", Stability.DEVELOPMENT, Set.of(Signal.METRICS, Signal.EVENTS), "");
    this.log = log;
  }

  @Override
  public Receiver create(ComponentSettings settings, Config config, Consumers next) {
    config.getDuration("interval");
    Source source = new Source(settings.id().toString(), next, log);
    sources.put(settings.id().toString(), source);
    return source;
  }

  /** Returns the consumers of the instance created last with this id. */
  public Consumers next(String id) {
    return sources.get(id).next;
  }

  /** A receiver that records its lifecycle and does nothing else. */
  public record Source(String id, Consumers next, LifecycleLog log) implements Receiver {
    @Override
    public void start(Host host) {
      log.add("start receiver " + id);
    }

    @Override
    public void shutdown() {
      log.add("shutdown receiver " + id);
    }
  }
}
