package dev.gputel.spi.component;

/**
 * The lifecycle every receiver, processor and exporter shares.
 *
 * <p>The runtime creates a component from its factory, calls {@link #start} once, and later
 * {@link #shutdown}. Exporters start first and receivers last; on shutdown receivers stop first,
 * so that nothing is sent into a component that has already stopped.
 */
public interface Component {

  /**
   * Called once, before any data reaches the component. Long-running work (polling, reading a
   * stream) belongs on threads the component starts here, not on the caller's thread. Throwing
   * aborts the agent's start with the exception's message.
   */
  default void start(Host host) throws Exception {}

  /**
   * Called once when the agent stops; flushes what the component holds and releases its threads
   * and files. It must be safe to call twice, and safe to call without {@link #start}.
   */
  default void shutdown() {}
}
