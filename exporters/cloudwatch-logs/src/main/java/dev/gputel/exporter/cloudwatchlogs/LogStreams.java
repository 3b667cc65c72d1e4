package dev.gputel.exporter.cloudwatchlogs;

import java.util.Optional;
import org.slf4j.Logger;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceAlreadyExistsException;
import software.amazon.awssdk.services.cloudwatchlogs.model.ResourceNotFoundException;

/**
 * Creates a missing log stream, and its group first when that is missing too, the way the
 * CloudWatch agent and the collector do: only after PutLogEvents said ResourceNotFound, so a
 * running agent makes no extra calls. "Already exists" is success (another agent was quicker).
 */
final class LogStreams {
  private final CloudWatchLogsClient client;
  private final Optional<Integer> retentionDays;
  private final Logger log;

  LogStreams(CloudWatchLogsClient client, Optional<Integer> retentionDays, Logger log) {
    this.client = client;
    this.retentionDays = retentionDays;
    this.log = log;
  }

  /** Creates the stream (and the group if needed); returns whether the group was created. */
  boolean create(String group, String stream) {
    try {
      createStream(group, stream);
      return false;
    } catch (ResourceNotFoundException groupMissing) {
      createGroup(group);
      createStream(group, stream);
      return true;
    }
  }

  private void createStream(String group, String stream) {
    try {
      client.createLogStream(b -> b.logGroupName(group).logStreamName(stream));
      log.info("created log stream {} in {}", stream, group);
    } catch (ResourceAlreadyExistsException e) {
      // Someone else created it since PutLogEvents failed.
    }
  }

  private void createGroup(String group) {
    try {
      client.createLogGroup(b -> b.logGroupName(group));
      log.info("created log group {}", group);
    } catch (ResourceAlreadyExistsException e) {
      return; // Its retention is the owner's business.
    }
    retentionDays.ifPresent(days ->
        client.putRetentionPolicy(b -> b.logGroupName(group).retentionInDays(days)));
  }
}
