package dev.gputel.receiver.kernellog;

import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.Severity;
import dev.gputel.xid.KernelEventId;
import dev.gputel.xid.XidAttributes;

/**
 * Turns kept kernel lines into events with the attributes every source shares. Attribute names and
 * the event id are gputel-xid's ({@link XidAttributes}, {@link KernelEventId}), which the
 * xid-classifier reads.
 */
final class KernelEvents {
  static final String SOURCE = XidAttributes.LOG_SOURCE;
  static final String HOST = "host.name";

  private final String source;
  private final String configuredHost;
  private final String localHost;

  /**
   * @param source the {@code log.source} value: journald, kmsg or file
   * @param configuredHost the host name for every event, or null to take the line's own
   * @param localHost the host name for lines that do not carry their own
   */
  KernelEvents(SourceKind source, String configuredHost, String localHost) {
    this.source = source.id();
    this.configuredHost = configuredHost;
    this.localHost = localHost;
  }

  Event toEvent(KernelLine line) {
    Attributes.Builder attributes = Attributes.builder()
        .put(SOURCE, source)
        .put(HOST, configuredHost != null ? configuredHost : line.hostName() != null ? line.hostName() : localHost)
        .put(XidAttributes.BOOT_ID, line.bootId());
    if (line.monotonicMicros() >= 0) {
      attributes.put(XidAttributes.KERNEL_UPTIME_US, line.monotonicMicros());
    }
    attributes.putAll(line.extra());
    String body = MessageText.decode(line.message());
    DriverLineFields.add(body, attributes);
    return new Event(line.time(), severity(line.priority()), body, attributes.build(),
        KernelEventId.of(line.idKey(), line.idPosition(), body));
  }

  /** The printk level as an event severity; the Xid classifier refines it later. */
  static Severity severity(int priority) {
    return switch (priority) {
      case 0 -> Severity.FATAL;
      case 1, 2, 3 -> Severity.ERROR;
      case 4 -> Severity.WARN;
      case 7 -> Severity.DEBUG;
      default -> Severity.INFO; // 5 notice, 6 info, and unknown
    };
  }
}
