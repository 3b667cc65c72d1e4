package dev.gputel.runtime.cwagent;

import dev.gputel.runtime.cwagent.CloudWatchAgentConverter.Agent;
import dev.gputel.runtime.cwagent.CloudWatchAgentConverter.Pipeline;
import dev.gputel.runtime.cwagent.CloudWatchAgentConverter.Plan;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code logs} section: each {@code files.collect_list} entry becomes a followed file (the
 * kernel-log receiver's file source, every line kept) sent to its log group and stream, and
 * {@code metrics_collected.emf} the EMF listener forwarding documents to CloudWatch Logs.
 */
final class LogsSection {
  private static final Set<String> FILE_KEYS = Set.of("file_path", "log_group_name", "log_stream_name",
      "retention_in_days", "timestamp_format", "timezone", "encoding");
  private static final Map<String, String> FILE_REASONS = Map.of(
      "multi_line_start_pattern", "not supported: each line is one event; ignored",
      "filters", "not supported: every line is sent; ignored",
      "blacklist", "not supported (file_path names one file); ignored",
      "auto_removal", "not supported: gputel never deletes the files it follows; ignored",
      "publish_multi_logs", "not supported (file_path names one file); ignored");

  private final JsonSection logs;
  private final Agent agent;
  private final Plan plan;

  LogsSection(JsonSection logs, Agent agent, Plan plan) {
    this.logs = logs;
    this.agent = agent;
    this.plan = plan;
  }

  void convert() {
    logs.warnUnsupported(Set.of("logs_collected", "metrics_collected", "force_flush_interval", "log_stream_name",
        "endpoint_override"), Map.of(
        "credentials", "gputel takes credentials from the AWS SDK's default chain; role_arn is not supported; ignored",
        "concurrency", "gputel sends each file's events on their own; ignored"));
    logs.number("force_flush_interval").ifPresent(seconds -> plan.notes.add(
        "logs.force_flush_interval (" + seconds + "s): events are sent as soon as they are read and kept in"
            + " an on-disk spool until CloudWatch Logs has them."));
    logs.section("logs_collected").ifPresent(collected -> {
      collected.warnUnsupported(Set.of("files"), Map.of(
          "journald", "not converted: gputel's kernel-log receiver reads the journal's NVIDIA lines and"
              + " classifies them (see config/gpu-host.conf); ignored",
          "windows_events", "gputel runs on Linux; ignored"));
      collected.section("files").ifPresent(files -> {
        files.warnUnsupported(Set.of("collect_list"), Map.of());
        List<JsonSection.Element> entries = files.list("collect_list");
        for (int i = 0; i < entries.size(); i++) {
          JsonSection.Element element = entries.get(i);
          if (element.value() instanceof com.typesafe.config.ConfigObject object) {
            file(new JsonSection(element.path(), object, logs.findings()), "file-" + (i + 1));
          } else {
            logs.findings().error(element.value().origin(), element.path(), "must be an object with a file_path");
          }
        }
      });
    });
    logs.section("metrics_collected").ifPresent(collected -> {
      collected.warnUnsupported(Set.of("emf", "structured_log"), Map.of(
          "prometheus", "not supported: gputel does not scrape Prometheus targets; ignored"));
      collected.section("emf").or(() -> collected.section("structured_log")).ifPresent(this::emf);
    });
  }

  private void file(JsonSection entry, String name) {
    entry.warnUnsupported(FILE_KEYS, FILE_REASONS);
    Optional<String> path = entry.string("file_path");
    if (path.isEmpty()) {
      entry.findings().error(entry.origin(), entry.pathOf("file_path"), "required: the file to send");
      return;
    }
    if (path.get().matches(".*[*?\\[].*")) {
      entry.findings().warn(entry.originOf("file_path"), entry.pathOf("file_path"), "'" + path.get()
          + "' is a glob: gputel follows named files only; give each file its own entry; this entry is ignored");
      return;
    }
    entry.string("encoding").filter(e -> !e.equalsIgnoreCase("utf-8") && !e.equalsIgnoreCase("utf8"))
        .ifPresent(e -> entry.findings().warn(entry.originOf("encoding"), entry.pathOf("encoding"),
            "'" + e + "' is not supported: lines are read as UTF-8"));
    Optional<Long> retention = entry.number("retention_in_days").filter(days -> days != -1);
    Optional<String> timestampFormat = entry.string("timestamp_format");
    Optional<String> timezone = entry.string("timezone");
    String receiver = "kernel-log/" + name;
    String exporter = "cloudwatch-logs/" + name;
    plan.receivers.put(receiver, (id, out) -> {
      out.open(id);
      out.comment(entry.path() + ": every line of the file, followed through rotation");
      out.raw("source", "file");
      out.raw("match", "[]");
      out.open("file");
      out.strings("paths", List.of(path.get()));
      out.comment("The agent reads a file it has no saved position for from its beginning.");
      out.raw("start-at", "all");
      timestampFormat.ifPresent(format -> out.string("timestamp-format", format));
      timezone.ifPresent(zone -> out.raw("timezone", zone.equalsIgnoreCase("UTC") ? "utc" : "local"));
      out.close();
      out.close();
    });
    plan.useResourceDetection();
    plan.exporters.put(exporter, (id, out) -> {
      out.open(id);
      out.string("log-group-name", entry.string("log_group_name").orElse(defaultGroup(path.get())));
      out.string("log-stream-name", entry.string("log_stream_name").orElse(defaultStream()));
      out.comment("The line as read, as the agent sends it.");
      out.raw("format", "raw");
      retention.ifPresent(days -> out.raw("retention-days", String.valueOf(days)));
      writeAws(out);
      out.close();
    });
    plan.pipelines.put("events/" + name, new Pipeline(List.of(receiver), List.of("resource-detection"),
        List.of(exporter)));
  }

  private void emf(JsonSection emf) {
    emf.warnUnsupported(Set.of("service_address"), Map.of());
    Optional<String> address = emf.string("service_address");
    if (address.isPresent() && !EmfListenAddress.valid(address.get())) {
      emf.findings().error(emf.originOf("service_address"), emf.pathOf("service_address"),
          "'" + address.get() + "' is not udp://host:port or tcp:host:port");
      return;
    }
    plan.receivers.put("emf", (id, out) -> {
      out.open(id);
      out.comment(emf.path() + ": applications' EMF documents, forwarded unchanged");
      EmfListenAddress.write(address, out);
      out.close();
    });
    plan.useResourceDetection();
    plan.exporters.put("cloudwatch-logs/emf", (id, out) -> {
      out.open(id);
      out.comment("Documents go to the group and stream their _aws.LogGroupName and _aws.LogStreamName name,"
          + "\nelse to these, the agent's defaults.");
      out.string("log-group-name", "emf/logs/default");
      out.string("log-stream-name", defaultStream());
      EmfListenAddress.writeExporterFormat(out);
      writeAws(out);
      out.close();
    });
    plan.pipelines.put("events/emf", new Pipeline(List.of("emf"), List.of("resource-detection"),
        List.of("cloudwatch-logs/emf")));
  }

  /** The agent's default group: the file's path up to its last dot. */
  static String defaultGroup(String path) {
    int dot = path.lastIndexOf('.');
    return dot > path.lastIndexOf('/') ? path.substring(0, dot) : path;
  }

  private String defaultStream() {
    return logs.string("log_stream_name").orElse("{instance_id}");
  }

  private void writeAws(HoconWriter out) {
    agent.region().ifPresent(region -> out.string("region", region));
    logs.string("endpoint_override").ifPresent(endpoint -> out.string("endpoint", endpoint));
  }
}
