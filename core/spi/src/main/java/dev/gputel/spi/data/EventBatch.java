package dev.gputel.spi.data;

import java.util.List;
import java.util.Objects;

/** Events from one resource, in the order they happened. */
public record EventBatch(Resource resource, List<Event> events) implements TelemetryBatch {

  public EventBatch {
    Objects.requireNonNull(resource, "resource");
    events = List.copyOf(events);
  }

  @Override
  public Signal signal() {
    return Signal.EVENTS;
  }

  @Override
  public int size() {
    return events.size();
  }

  /** Returns a batch with the same events and another resource. */
  public EventBatch withResource(Resource newResource) {
    return new EventBatch(newResource, events);
  }
}
