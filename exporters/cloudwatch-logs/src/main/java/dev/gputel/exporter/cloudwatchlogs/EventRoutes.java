package dev.gputel.exporter.cloudwatchlogs;

import dev.gputel.spi.data.Event;
import java.util.regex.Pattern;

/**
 * Where each event goes with {@code route-by-event = true}: the log group and stream the event names
 * itself, as the CloudWatch agent routes each EMF document by its {@code _aws.LogGroupName} and
 * {@code _aws.LogStreamName}, else the configured ones. The emf receiver sets these attributes.
 */
final class EventRoutes {
  /** The event's log group (the OpenTelemetry name; one group, as text). */
  static final String GROUP_ATTRIBUTE = "aws.log.group.names";
  /** The event's log stream. */
  static final String STREAM_ATTRIBUTE = "aws.log.stream.names";

  private static final Pattern GROUP = Pattern.compile("[.\\-_/#A-Za-z0-9]{1,512}");

  /** A log group and stream. */
  record Route(String group, String stream) {}

  private final boolean byEvent;

  EventRoutes(boolean byEvent) {
    this.byEvent = byEvent;
  }

  /**
   * Returns the route of {@code event}, {@code configured} when it names none (or routing by event
   * is off); null when the name it carries is one CloudWatch Logs would refuse, so that one event
   * does not fail the whole call.
   */
  Route route(Event event, Route configured) {
    if (!byEvent) {
      return configured;
    }
    String group = event.attributes().getString(GROUP_ATTRIBUTE);
    String stream = event.attributes().getString(STREAM_ATTRIBUTE);
    if (group == null && stream == null) {
      return configured;
    }
    Route route = new Route(group == null ? configured.group() : group, stream == null ? configured.stream() : stream);
    return validGroup(route.group()) && validStream(route.stream()) ? route : null;
  }

  static boolean validGroup(String group) {
    return GROUP.matcher(group).matches() && !group.startsWith("aws/");
  }

  static boolean validStream(String stream) {
    return !stream.isEmpty() && stream.length() <= 512 && stream.indexOf(':') < 0 && stream.indexOf('*') < 0;
  }
}
