package dev.gputel.spi.data;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened at one moment: an Xid or SXid fault, another GPU kernel message.
 *
 * @param body the original text (the kernel line), never rewritten
 * @param id a stable identity for deduplication: the same occurrence read twice (after a restart, or
 *     from two sources) carries the same id
 */
public record Event(
    Instant timestamp, Severity severity, String body, Attributes attributes, String id) {

  public Event {
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(body, "body");
    Objects.requireNonNull(attributes, "attributes");
    Objects.requireNonNull(id, "id");
  }
}
