package dev.gputel.receiver.emf;

import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.Severity;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Turns a received EMF document into the event handed to the pipeline. */
final class EmfEvents {
  /** The log group the document names; the cloudwatch-logs exporter's route-by-event reads it. */
  static final String LOG_GROUP = "aws.log.group.names";
  /** The log stream the document names. */
  static final String LOG_STREAM = "aws.log.stream.names";
  static final String LOG_KIND = "log.kind";
  static final String TRANSPORT = "network.transport";
  static final String CLIENT = "client.address";

  private final Clock clock;
  /**
   * Ids are this start's random prefix plus a sequence: a document received twice is two
   * occurrences (the exporter skips an id it has delivered), and ids from before a restart, still in
   * a spool, never collide with new ones.
   */
  private final String idPrefix;
  private final AtomicLong sequence = new AtomicLong();

  EmfEvents(Clock clock) {
    this.clock = clock;
    this.idPrefix = "emf-" + Long.toHexString(new SecureRandom().nextLong()) + "-";
  }

  /** The event for {@code document}, read from UTF-8 {@code bytes[offset, offset + length)}. */
  Event event(byte[] bytes, int offset, int length, EmfDocument document, Transport transport, String client) {
    Attributes.Builder attributes = Attributes.builder()
        .put(LOG_KIND, "emf")
        .put(TRANSPORT, transport.label())
        .put(CLIENT, client)
        .put(LOG_GROUP, document.logGroup())
        .put(LOG_STREAM, document.logStream());
    Instant time = document.timestampMillis() != null
        ? Instant.ofEpochMilli(document.timestampMillis()) : clock.instant();
    return new Event(time, Severity.INFO, new String(bytes, offset, length, StandardCharsets.UTF_8),
        attributes.build(), idPrefix + sequence.incrementAndGet());
  }
}
