package dev.gputel.exporter.cloudwatchlogs;

import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.ComponentStatus;
import dev.gputel.spi.component.Counter;
import dev.gputel.spi.component.Host;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.Resource;
import dev.gputel.spi.exporter.ExportException;
import dev.gputel.spi.exporter.Exporter;
import dev.gputel.spi.exporter.RetryableExportException;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;

/** Sends event batches to CloudWatch Logs; see the module's README for the behaviour. */
final class CloudWatchLogsExporter implements Exporter {
  private static final int REMEMBERED_IDS = 200_000;

  private final CloudWatchLogsConfig config;
  private final ComponentSettings settings;
  private final Function<CloudWatchLogsConfig, CloudWatchLogsClient> clients;
  private final Logger log;
  private final EventFormat format;
  private final EventRoutes routes;
  private final PutLogEventsBatcher batcher;
  private final RecentIds delivered = new RecentIds(REMEMBERED_IDS);
  private final RecentIds written = new RecentIds(REMEMBERED_IDS);
  private final Counter sent;
  private final Counter tooOld;
  private final Counter tooNew;
  private final Counter expired;
  private final Counter empty;
  private final Counter invalidName;
  private final Counter truncated;
  private final Counter requests;
  private final Counter streamsCreated;
  private volatile CloudWatchLogsClient client;
  private volatile PutLogEventsSender sender;
  private volatile NameTemplate group;
  private volatile NameTemplate stream;
  private volatile EventFile file;

  CloudWatchLogsExporter(CloudWatchLogsConfig config, ComponentSettings settings,
      Function<CloudWatchLogsConfig, CloudWatchLogsClient> clients) {
    this.config = config;
    this.settings = settings;
    this.clients = clients;
    this.log = settings.logger();
    this.format = new EventFormat(config.format());
    this.routes = new EventRoutes(config.routeByEvent());
    this.batcher = new PutLogEventsBatcher(config.retentionDays()
        .map(Duration::ofDays).orElse(PutLogEventsLimits.MAX_AGE));
    var telemetry = settings.telemetry();
    this.sent = telemetry.counter("cloudwatch_logs_events_sent", "Log events CloudWatch Logs stored");
    String rejectedHelp = "Log events not stored (too old, expired, too new, empty, invalid_name): dropped before sending or rejected by the service";
    this.tooOld = telemetry.counter("cloudwatch_logs_events_rejected", rejectedHelp, Map.of("reason", "too_old"));
    this.expired = telemetry.counter("cloudwatch_logs_events_rejected", rejectedHelp, Map.of("reason", "expired"));
    this.tooNew = telemetry.counter("cloudwatch_logs_events_rejected", rejectedHelp, Map.of("reason", "too_new"));
    this.empty = telemetry.counter("cloudwatch_logs_events_rejected", rejectedHelp, Map.of("reason", "empty"));
    this.invalidName = telemetry.counter("cloudwatch_logs_events_rejected", rejectedHelp, Map.of("reason", "invalid_name"));
    this.truncated = telemetry.counter("cloudwatch_logs_events_truncated",
        "Log events cut to fit the service's 1 MB event limit");
    this.requests = telemetry.counter("cloudwatch_logs_put_requests", "PutLogEvents calls that succeeded");
    this.streamsCreated = telemetry.counter("cloudwatch_logs_streams_created",
        "Log streams created after PutLogEvents found them missing");
  }

  CloudWatchLogsExporter(CloudWatchLogsConfig config, ComponentSettings settings,
      AwsCredentialsProvider credentials) {
    this(config, settings, c -> LogsClients.build(c, credentials));
  }

  @Override
  public void start(Host host) throws Exception {
    try {
      client = clients.apply(config);
    } catch (SdkException e) {
      throw new IllegalStateException("cannot create the CloudWatch Logs client (set region, or "
          + "AWS_REGION, or run where instance metadata names one): " + e.getMessage(), e);
    }
    sender = new PutLogEventsSender(client,
        config.format() == CloudWatchLogsConfig.Format.RAW_EMF ? PutLogEventsSender.EMF_HEADERS : Map.of(),
        config.retentionDays(), log);
    Supplier<String> hostname = LocalHost::hostname;
    Supplier<String> ip = LocalHost::address;
    String region = client.serviceClientConfiguration().region().id();
    NameTemplate.Fallbacks fallbacks = new NameTemplate.Fallbacks(hostname, ip, () -> region);
    group = NameTemplate.group(config.logGroupName(), fallbacks);
    stream = NameTemplate.stream(config.logStreamName(), fallbacks);
    if (config.alsoWriteFile().isPresent()) {
      file = EventFile.open(config.alsoWriteFile().get());
    }
    settings.telemetry().reportStatus(ComponentStatus.ok());
  }

  @Override
  public void exportEvents(EventBatch batch) throws ExportException {
    PutLogEventsSender sender = this.sender;
    if (sender == null) {
      throw new RetryableExportException("cloudwatch-logs exporter is not running");
    }
    Instant now = settings.clock().instant();
    Resource resource = batch.resource();
    EventRoutes.Route configured = new EventRoutes.Route(group.resolve(resource, now), stream.resolve(resource, now));
    List<LogEvent> events = new ArrayList<>(batch.size());
    Map<EventRoutes.Route, List<LogEvent>> byRoute = new LinkedHashMap<>();
    List<LogEvent> unroutable = new ArrayList<>();
    for (Event event : batch.events()) {
      if (delivered.contains(event.id())) {
        continue;
      }
      LogEvent logEvent = new LogEvent(event.timestamp().toEpochMilli(), format.message(event, resource), event.id());
      EventRoutes.Route route = routes.route(event, configured);
      if (route == null) {
        unroutable.add(logEvent);
        continue;
      }
      events.add(logEvent);
      byRoute.computeIfAbsent(route, r -> new ArrayList<>()).add(logEvent);
    }
    dropped(unroutable, invalidName, "naming a log group or stream CloudWatch Logs does not accept");
    writeFile(events);
    for (Map.Entry<EventRoutes.Route, List<LogEvent>> entry : byRoute.entrySet()) {
      send(sender, entry.getKey(), entry.getValue(), now);
    }
    settings.telemetry().reportStatus(ComponentStatus.ok());
  }

  /** Sends one log group and stream's events, in as many calls as the limits need. */
  private void send(PutLogEventsSender sender, EventRoutes.Route route, List<LogEvent> events, Instant now)
      throws ExportException {
    PutLogEventsBatcher.Plan plan = batcher.plan(events, now);
    dropped(plan.tooOld(), tooOld, "older than the service accepts");
    dropped(plan.tooNew(), tooNew, "more than 2 hours ahead");
    dropped(plan.empty(), empty, "with an empty message");
    truncated.add(plan.truncated());
    for (PutLogEventsBatcher.Batch call : plan.batches()) {
      PutLogEventsSender.Result result;
      try {
        result = sender.send(route.group(), route.stream(), call);
      } catch (ExportException e) {
        settings.telemetry().reportStatus(ComponentStatus.down(e.getMessage()));
        throw e;
      }
      for (LogEvent event : call.events()) {
        delivered.add(event.id());
      }
      requests.increment();
      sent.add(result.accepted());
      tooOld.add(result.tooOld());
      expired.add(result.expired());
      tooNew.add(result.tooNew());
      if (result.rejected() > 0) {
        log.warn("CloudWatch Logs rejected {} of {} event(s) for their time ({} too old, {} expired, {} too new)",
            result.rejected(), call.events().size(), result.tooOld(), result.expired(), result.tooNew());
      }
      if (result.streamCreated()) {
        streamsCreated.increment();
      }
    }
  }

  private void dropped(List<LogEvent> events, Counter counter, String why) {
    if (events.isEmpty()) {
      return;
    }
    counter.add(events.size());
    for (LogEvent event : events) {
      delivered.add(event.id()); // Dropped for good: not counted again when the batch is retried.
    }
    log.warn("dropped {} event(s) {} (first at {})", events.size(), why,
        Instant.ofEpochMilli(events.getFirst().timestampMillis()));
  }

  private void writeFile(List<LogEvent> events) throws RetryableExportException {
    EventFile file = this.file;
    if (file == null) {
      return;
    }
    List<LogEvent> fresh = new ArrayList<>(events.size());
    for (LogEvent event : events) {
      if (!written.contains(event.id())) {
        fresh.add(event);
      }
    }
    try {
      file.append(fresh);
    } catch (IOException e) {
      throw new RetryableExportException("writing " + config.alsoWriteFile().orElseThrow() + " failed: "
          + e.getMessage(), e);
    }
    for (LogEvent event : fresh) {
      written.add(event.id());
    }
  }

  @Override
  public void shutdown() {
    EventFile file = this.file;
    if (file != null) {
      file.close(log);
    }
    CloudWatchLogsClient client = this.client;
    if (client != null) {
      client.close();
    }
    sender = null;
  }

  /** The SDK client once started: tests send through it directly. */
  Optional<CloudWatchLogsClient> client() {
    return Optional.ofNullable(client);
  }
}
