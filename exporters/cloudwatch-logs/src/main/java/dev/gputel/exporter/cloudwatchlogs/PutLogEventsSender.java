package dev.gputel.exporter.cloudwatchlogs;

import dev.gputel.spi.exporter.ExportException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.InputLogEvent;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsRequest;
import software.amazon.awssdk.services.cloudwatchlogs.model.PutLogEventsResponse;
import software.amazon.awssdk.services.cloudwatchlogs.model.RejectedLogEventsInfo;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * Sends one planned batch with PutLogEvents, creating the stream (and group) when the service says
 * it is missing, and reports what the service rejected. Failures come out as the runtime's retryable
 * or permanent export exceptions. Reusable for EMF documents: pass {@link #EMF_HEADERS} as extra
 * headers.
 */
public final class PutLogEventsSender {
  /**
   * Tells CloudWatch Logs to extract metrics from the events (embedded metric format). The current
   * documentation calls it optional; the CloudWatch agent and the collector still send it.
   */
  public static final Map<String, String> EMF_HEADERS = Map.of("x-amzn-logs-format", "json/emf");

  private final CloudWatchLogsClient client;
  private final Map<String, String> headers;
  private final LogStreams streams;

  /** What the service did with one call's events. */
  public record Result(int accepted, int tooOld, int expired, int tooNew, boolean streamCreated) {
    public int rejected() {
      return tooOld + expired + tooNew;
    }
  }

  public PutLogEventsSender(CloudWatchLogsClient client, Map<String, String> headers,
      Optional<Integer> retentionDays, Logger log) {
    this.client = client;
    this.headers = Map.copyOf(headers);
    this.streams = new LogStreams(client, retentionDays, log);
  }

  public Result send(String group, String stream, PutLogEventsBatcher.Batch batch) throws ExportException {
    List<InputLogEvent> events = new ArrayList<>(batch.events().size());
    for (LogEvent event : batch.events()) {
      events.add(InputLogEvent.builder().timestamp(event.timestampMillis()).message(event.message()).build());
    }
    PutLogEventsRequest.Builder request = PutLogEventsRequest.builder()
        .logGroupName(group).logStreamName(stream).logEvents(events);
    if (!headers.isEmpty()) {
      request.overrideConfiguration(o -> headers.forEach(o::putHeader));
    }
    PutLogEventsRequest built = request.build();
    boolean created = false;
    PutLogEventsResponse response;
    try {
      try {
        response = client.putLogEvents(built);
      } catch (ResourceNotFoundException missing) {
        streams.create(group, stream);
        created = true;
        response = client.putLogEvents(built);
      }
    } catch (SdkException e) {
      throw Failures.classify("PutLogEvents to " + group + ":" + stream, e);
    }
    return result(events.size(), response.rejectedLogEventsInfo(), created);
  }

  /**
   * Reads rejectedLogEventsInfo: events before {@code tooOldLogEventEndIndex} (and
   * {@code expiredLogEventEndIndex}) were too old, events from {@code tooNewLogEventStartIndex} on
   * too new; the rest were stored. Both "old" ranges start at 0, so they overlap.
   */
  static Result result(int count, RejectedLogEventsInfo info, boolean created) {
    if (info == null) {
      return new Result(count, 0, 0, 0, created);
    }
    int expiredEnd = clamp(info.expiredLogEventEndIndex(), count, 0);
    int tooOldEnd = clamp(info.tooOldLogEventEndIndex(), count, 0);
    int tooNewStart = clamp(info.tooNewLogEventStartIndex(), count, count);
    int expired = expiredEnd;
    int tooOld = Math.max(0, tooOldEnd - expiredEnd);
    int oldEnd = Math.max(expiredEnd, tooOldEnd);
    int tooNew = count - Math.max(tooNewStart, oldEnd);
    return new Result(count - oldEnd - tooNew, tooOld, expired, tooNew, created);
  }

  private static int clamp(Integer index, int count, int absent) {
    return index == null ? absent : Math.max(0, Math.min(count, index));
  }
}
