package dev.gputel.exporter.cloudwatchemf;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.gputel.exporter.cloudwatchlogs.LogEvent;
import dev.gputel.exporter.cloudwatchlogs.PutLogEventsBatcher;
import dev.gputel.exporter.cloudwatchlogs.PutLogEventsSender;
import dev.gputel.spi.component.Counter;
import dev.gputel.spi.exporter.ExportException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/**
 * Sends each document as one CloudWatch Logs event with PutLogEvents and the
 * {@code x-amzn-logs-format: json/emf} header, through the cloudwatch-logs exporter's batcher (the
 * service's count, size and time-span limits) and sender (creates a missing group and stream,
 * classifies failures as retryable or permanent). The event time is the document's
 * {@code _aws.Timestamp}, as the CloudWatch agent sets it.
 *
 * <p>A batch cut off by a failure after some calls succeeded is sent again whole: a document may
 * arrive twice, as through the agent's TCP socket.
 */
final class PutLogEventsSink implements EmfSink {
  /** Tells CloudWatch Logs to extract metrics from the events. */
  static final Map<String, String> EMF_HEADER = PutLogEventsSender.EMF_HEADERS;

  private static final JsonFactory JSON = new JsonFactory();

  private final CloudWatchLogsClient client;
  private final PutLogEventsSender sender;
  private final PutLogEventsBatcher batcher = new PutLogEventsBatcher();
  private final String group;
  private final String stream;
  private final Clock clock;
  private final Counter rejected;
  private final Logger log;
  private long sequence;

  PutLogEventsSink(CloudWatchLogsClient client, String group, String stream, Clock clock, Counter rejected,
      Logger log) {
    this.client = client;
    this.sender = new PutLogEventsSender(client, EMF_HEADER, Optional.empty(), log);
    this.group = group;
    this.stream = stream;
    this.clock = clock;
    this.rejected = rejected;
    this.log = log;
  }

  @Override
  public void write(List<byte[]> documents) throws IOException {
    List<LogEvent> events = new ArrayList<>(documents.size());
    for (byte[] document : documents) {
      events.add(new LogEvent(timestamp(document), new String(document, StandardCharsets.UTF_8),
          Long.toString(sequence++)));
    }
    PutLogEventsBatcher.Plan plan = batcher.plan(events, clock.instant());
    int setAside = plan.tooOld().size() + plan.tooNew().size() + plan.empty().size();
    if (setAside > 0) {
      rejected.add(setAside);
      log.warn("dropped {} EMF document(s) whose time CloudWatch Logs does not accept ({} older than 14 days, "
          + "{} more than 2 hours ahead)", setAside, plan.tooOld().size(), plan.tooNew().size());
    }
    for (PutLogEventsBatcher.Batch batch : plan.batches()) {
      PutLogEventsSender.Result result;
      try {
        result = sender.send(group, stream, batch);
      } catch (ExportException e) {
        throw new ServiceFailureException(e);
      }
      if (result.rejected() > 0) {
        rejected.add(result.rejected());
        log.warn("CloudWatch Logs rejected {} of {} EMF document(s) for their time", result.rejected(),
            batch.events().size());
      }
    }
  }

  @Override
  public int maxDocumentBytes() {
    // One event: 1 MiB counting the 26 bytes PutLogEvents adds; max-document-size is capped there too.
    return EmfConfig.MAX_EVENT_BYTES - EmfConfig.PUT_LOG_EVENTS_OVERHEAD;
  }

  /** Reads {@code _aws.Timestamp} (milliseconds), which the encoder writes first. */
  static long timestamp(byte[] document) throws IOException {
    try (JsonParser parser = JSON.createParser(document)) {
      int depth = 0;
      boolean inAws = false;
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        switch (token) {
          case START_OBJECT, START_ARRAY -> depth++;
          case END_OBJECT, END_ARRAY -> {
            depth--;
            if (depth == 1) {
              inAws = false;
            }
          }
          case FIELD_NAME -> {
            if (depth == 1 && parser.currentName().equals("_aws")) {
              inAws = true;
            } else if (depth == 2 && inAws && parser.currentName().equals("Timestamp")) {
              parser.nextToken();
              return parser.getLongValue();
            }
          }
          default -> { }
        }
      }
    }
    throw new IOException("EMF document without _aws.Timestamp");
  }

  @Override
  public void close() {
    client.close();
  }
}
