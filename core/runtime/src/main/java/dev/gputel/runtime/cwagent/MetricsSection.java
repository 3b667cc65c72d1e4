package dev.gputel.runtime.cwagent;

import dev.gputel.runtime.cwagent.CloudWatchAgentConverter.Agent;
import dev.gputel.runtime.cwagent.CloudWatchAgentConverter.Pipeline;
import dev.gputel.runtime.cwagent.CloudWatchAgentConverter.Plan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code metrics} section: {@code metrics_collected.nvidia_gpu} becomes a GPU receiver, a custom
 * workload profile of its measurements and a CloudWatch exporter with the agent's namespace,
 * dimensions, rollups and storage resolution.
 */
final class MetricsSection {
  /** The dimensions the agent's nvidia_gpu metrics carry (it drops uuid, pstate and compute_mode). */
  private static final List<String> AGENT_DIMENSIONS = List.of("host", "index", "name", "arch");
  private static final Set<String> RESERVED_DIMENSIONS = Set.of("aws:StorageResolution", "aws:AggregationInterval");

  private final JsonSection metrics;
  private final Agent agent;
  private final ConversionOptions options;
  private final Plan plan;

  MetricsSection(JsonSection metrics, Agent agent, ConversionOptions options, Plan plan) {
    this.metrics = metrics;
    this.agent = agent;
    this.options = options;
    this.plan = plan;
  }

  void convert() {
    metrics.warnUnsupported(Set.of("namespace", "append_dimensions", "aggregation_dimensions",
        "metrics_collected", "force_flush_interval", "endpoint_override"), Map.of(
        "credentials", "gputel takes credentials from the AWS SDK's default chain; role_arn is not supported; ignored",
        "metrics_destinations", "gputel sends to CloudWatch (see --metrics-exporter); ignored"));
    Optional<JsonSection> gpu = metrics.section("metrics_collected").flatMap(this::nvidiaGpu);
    metrics.number("force_flush_interval").ifPresent(seconds -> plan.notes.add(
        "metrics.force_flush_interval (" + seconds + "s): gputel sends each collection when it is made, so no"
            + " metric waits longer than that."));
    if (gpu.isEmpty()) {
      return;
    }
    JsonSection nvidia = gpu.get();
    nvidia.warnUnsupported(Set.of("measurement", "metrics_collection_interval", "append_dimensions",
        "drop_original_metrics"), Map.of());
    List<Measurement> measurements = measurements(nvidia);
    long interval = nvidia.number("metrics_collection_interval").orElse(agent.interval());
    CloudWatchAgentConverter.checkInterval(nvidia, "metrics_collection_interval", interval);

    Map<String, String> global = globalDimensions();
    Map<String, String> appended = new LinkedHashMap<>(global);
    nvidia.stringMap("append_dimensions").forEach((name, value) -> {
      if (RESERVED_DIMENSIONS.contains(name)) {
        nvidia.findings().warn(nvidia.originOf("append_dimensions"), nvidia.pathOf("append_dimensions." + name),
            "not supported: gputel stores at high resolution whenever the interval is under 60 s; ignored");
      } else {
        appended.put(name, value);
      }
    });
    // The agent leaves host out when the global append_dimensions (the instance's dimensions) or
    // omit_hostname say so; its documentation of append_dimensions states it.
    List<String> dimensions = new ArrayList<>(AGENT_DIMENSIONS);
    if (!global.isEmpty() || agent.omitHostname()) {
      dimensions.remove("host");
    }
    List<List<String>> rollups = rollups();
    List<String> dropOriginal = nvidia.list("drop_original_metrics").stream()
        .map(e -> String.valueOf(e.value().unwrapped())).toList();
    String exporter = options.metricsExporter();
    String receiver = options.gpuReceiver();

    plan.receivers.put(receiver, (id, out) -> {
      out.open(id);
      out.comment("nvidia_gpu.metrics_collection_interval, else agent.metrics_collection_interval, else 60");
      out.raw("interval", interval + "s");
      out.close();
    });
    plan.useResourceDetection();
    plan.processors.put("workload-profile", (id, out) -> {
      out.open(id);
      out.comment("nvidia_gpu.measurement: only these are read and sent");
      out.raw("profile", "custom");
      out.strings("include-metrics", measurements.stream().map(m -> m.metric().id()).toList());
      out.close();
    });
    plan.exporters.put(exporter, (id, out) -> {
      out.open(id);
      out.string("namespace", metrics.string("namespace").orElse("CWAgent"));
      out.strings("dimensions", dimensions);
      out.open("append-dimensions");
      appended.forEach((name, value) -> out.string(HoconWriter.key(name), value));
      out.close();
      out.raw("aggregation-dimensions", rollups.stream().map(HoconWriter::list)
          .collect(java.util.stream.Collectors.joining(", ", "[", "]")));
      if (!dropOriginal.isEmpty()) {
        out.strings("drop-original-metrics", dropOriginal);
      }
      writeOverrides(out, measurements);
      out.comment("Under 60s the metrics are stored at high resolution, as the agent does.");
      out.raw("metrics-collection-interval", interval + "s");
      writeAwsEndpoint(out, exporter.equals("cloudwatch-emf"));
      out.close();
    });
    plan.pipelines.put("metrics", new Pipeline(List.of(receiver),
        List.of("resource-detection", "workload-profile"), List.of(exporter)));
  }

  private Optional<JsonSection> nvidiaGpu(JsonSection collected) {
    Map<String, String> reasons = new LinkedHashMap<>();
    for (String plugin : collected.keys()) {
      reasons.put(plugin, "gputel collects GPU metrics only; keep the CloudWatch agent for " + plugin + "; ignored");
    }
    // The agent's schema also names the plugin by its Telegraf name, nvidia_smi.
    collected.warnUnsupported(Set.of("nvidia_gpu", "nvidia_smi"), reasons);
    return collected.section("nvidia_gpu").or(() -> collected.section("nvidia_smi"));
  }

  private static List<Measurement> measurements(JsonSection nvidia) {
    if (!nvidia.has("measurement")) {
      nvidia.findings().error(nvidia.origin(), nvidia.pathOf("measurement"),
          "required: the list of GPU metrics to collect, as the agent requires it");
      return List.of();
    }
    Map<String, Measurement> byId = new LinkedHashMap<>();
    for (JsonSection.Element element : nvidia.list("measurement")) {
      Measurement.read(element, nvidia.findings()).ifPresent(m -> byId.put(m.metric().id(), m));
    }
    return List.copyOf(byId.values());
  }

  private Map<String, String> globalDimensions() {
    Map<String, String> dimensions = new LinkedHashMap<>();
    metrics.stringMap("append_dimensions").forEach((name, value) -> {
      if (CloudWatchAgentConverter.GLOBAL_DIMENSIONS.containsKey(name)) {
        dimensions.put(name, value);
      } else {
        metrics.findings().warn(metrics.originOf("append_dimensions"), metrics.pathOf("append_dimensions." + name),
            "the agent supports only ImageId, InstanceId, InstanceType and AutoScalingGroupName here; put other"
                + " dimensions in nvidia_gpu.append_dimensions; ignored");
      }
    });
    return dimensions;
  }

  private List<List<String>> rollups() {
    List<List<String>> rollups = new ArrayList<>();
    for (JsonSection.Element element : metrics.list("aggregation_dimensions")) {
      if (!(element.value().unwrapped() instanceof List<?> set)) {
        metrics.findings().error(element.value().origin(), element.path(),
            "must be a list of dimension names, such as [\"InstanceId\"]");
        continue;
      }
      rollups.add(new ArrayList<>(new LinkedHashSet<>(set.stream().map(String::valueOf).toList())));
    }
    return rollups;
  }

  private static void writeOverrides(HoconWriter out, List<Measurement> measurements) {
    if (measurements.stream().allMatch(m -> m.rename().isEmpty() && m.unit().isEmpty())) {
      return;
    }
    out.comment("nvidia_gpu.measurement objects: the name and unit each metric is published with");
    out.open("metric-overrides");
    for (Measurement m : measurements) {
      if (m.rename().isEmpty() && m.unit().isEmpty()) {
        continue;
      }
      out.open(m.metric().id());
      m.rename().ifPresent(name -> out.string("rename", name));
      m.unit().ifPresent(unit -> out.string("unit", unit));
      out.close();
    }
    out.close();
  }

  private void writeAwsEndpoint(HoconWriter out, boolean emf) {
    Optional<String> endpoint = metrics.string("endpoint_override");
    if (emf) {
      out.raw("output", "cloudwatch-logs");
      out.open("cloudwatch-logs");
      agent.region().ifPresent(region -> out.string("region", region));
      out.close();
      endpoint.ifPresent(e -> metrics.findings().warn(metrics.originOf("endpoint_override"),
          metrics.pathOf("endpoint_override"), "a CloudWatch endpoint does not apply to EMF, which goes to"
              + " CloudWatch Logs; ignored"));
      return;
    }
    agent.region().ifPresent(region -> out.string("region", region));
    endpoint.ifPresent(e -> out.string("endpoint", e));
  }
}
