package dev.gputel.spi.component;

import dev.gputel.spi.data.Signal;
import java.util.Objects;
import java.util.Set;

/**
 * A factory whose description is data given once to its constructor, so that a concrete factory
 * only implements {@code create}:
 *
 * <pre>{@code
 * @Extension
 * public final class ReplayReceiverFactory extends AbstractComponentFactory implements ReceiverFactory {
 *   public ReplayReceiverFactory() {
 *     super("replay", Stability.BETA, Set.of(Signal.METRICS, Signal.EVENTS), "Replays captures");
 *   }
 *   public Receiver create(ComponentSettings settings, Config config, Consumers next) { ... }
 * }
 * }</pre>
 */
public abstract class AbstractComponentFactory implements ComponentFactory {
  private final String type;
  private final Stability stability;
  private final Set<Signal> signals;
  private final String description;

  protected AbstractComponentFactory(String type, Stability stability, Set<Signal> signals, String description) {
    this.type = Objects.requireNonNull(type, "type");
    this.stability = Objects.requireNonNull(stability, "stability");
    this.signals = Set.copyOf(signals);
    this.description = Objects.requireNonNull(description, "description");
  }

  @Override
  public final String type() {
    return type;
  }

  @Override
  public final Stability stability() {
    return stability;
  }

  @Override
  public final Set<Signal> signals() {
    return signals;
  }

  @Override
  public final String description() {
    return description;
  }
}
