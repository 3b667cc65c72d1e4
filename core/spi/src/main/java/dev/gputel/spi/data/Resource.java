package dev.gputel.spi.data;

import java.util.Objects;

/**
 * The entity that produced telemetry: the host, its cloud placement and its container task
 * ({@code host.name}, {@code cloud.region}, {@code aws.ecs.task.arn}...).
 */
public record Resource(Attributes attributes) {
  private static final Resource EMPTY = new Resource(Attributes.empty());

  public Resource {
    Objects.requireNonNull(attributes, "attributes");
  }

  /** Returns the resource with no attributes. */
  public static Resource empty() {
    return EMPTY;
  }

  /** Returns this resource with {@code more} added; on a shared key {@code more} wins. */
  public Resource merge(Attributes more) {
    return more.isEmpty() ? this : new Resource(attributes.withAll(more));
  }
}
