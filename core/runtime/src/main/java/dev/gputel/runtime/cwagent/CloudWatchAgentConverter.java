package dev.gputel.runtime.cwagent;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigSyntax;
import dev.gputel.runtime.config.ConfigProblem;
import dev.gputel.runtime.config.ConfigProblems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Converts the CloudWatch agent's JSON configuration to gputel's HOCON: the GPU metrics of
 * {@code metrics.metrics_collected.nvidia_gpu} with the agent's names, namespace and dimensions, the
 * files of {@code logs.logs_collected.files.collect_list}, and the EMF listener of
 * {@code logs.metrics_collected.emf}. Every key it does not carry over gets a warning that names it.
 */
public final class CloudWatchAgentConverter {
  /** The agent's default collection interval, seconds. */
  static final long DEFAULT_INTERVAL = 60;
  /** The only global append_dimensions the agent supports, each with the placeholder it must hold. */
  static final Map<String, String> GLOBAL_DIMENSIONS = Map.of(
      "ImageId", "${aws:ImageId}", "InstanceId", "${aws:InstanceId}",
      "InstanceType", "${aws:InstanceType}", "AutoScalingGroupName", "${aws:AutoScalingGroupName}");

  private final ConversionOptions options;

  public CloudWatchAgentConverter(ConversionOptions options) {
    this.options = options;
  }

  /** Reads and converts {@code file}; throws {@link ConfigProblems} for what cannot be converted. */
  public Conversion convert(Path file) {
    if (!Files.isRegularFile(file)) {
      throw new ConfigProblems(List.of(new ConfigProblem(file.toString(), "", "no such file")));
    }
    ConfigObject root;
    try {
      root = ConfigFactory.parseFile(file.toFile(),
          ConfigParseOptions.defaults().setSyntax(ConfigSyntax.JSON).setAllowMissing(false)).root();
    } catch (ConfigException e) {
      throw new ConfigProblems(List.of(ConfigProblem.of(e, "")));
    }
    return convert(new JsonSection("", root, new JsonSection.Findings()), file.getFileName().toString());
  }

  Conversion convert(JsonSection root, String source) {
    JsonSection.Findings findings = root.findings();
    root.warnUnsupported(Set.of("agent", "metrics", "logs"), Map.of(
        "traces", "traces are not collected by gputel; ignored"));
    Agent agent = Agent.read(root.section("agent"));
    Plan plan = new Plan();
    root.section("metrics").ifPresent(metrics -> new MetricsSection(metrics, agent, options, plan).convert());
    root.section("logs").ifPresent(logs -> new LogsSection(logs, agent, plan).convert());
    if (!findings.errors().isEmpty()) {
      throw new ConfigProblems(findings.errors());
    }
    if (plan.pipelines.isEmpty()) {
      findings.warn(root.origin(), "", "nothing to run: the file has no metrics.metrics_collected.nvidia_gpu,"
          + " logs.logs_collected.files or logs.metrics_collected.emf");
    }
    return new Conversion(plan.render(source, findings.warnings()), findings.warnings(), agent.runAsUser());
  }

  /** The {@code agent} section: what the metrics and logs sections inherit. */
  record Agent(long interval, Optional<String> region, Optional<String> runAsUser, boolean omitHostname) {
    static Agent read(Optional<JsonSection> section) {
      if (section.isEmpty()) {
        return new Agent(DEFAULT_INTERVAL, Optional.empty(), Optional.empty(), false);
      }
      JsonSection agent = section.get();
      agent.warnUnsupported(Set.of("metrics_collection_interval", "region", "run_as_user", "omit_hostname"),
          Map.of(
              "debug", "gputel's log level is GPUTEL_LOG_LEVEL=DEBUG; ignored",
              "logfile", "gputel logs to standard error (the journal under systemd); ignored",
              "credentials", "gputel takes credentials from the AWS SDK's default chain (environment,"
                  + " profile, ECS task role, instance profile); role_arn is not supported; ignored",
              "aws_sdk_log_level", "ignored",
              "usage_data", "gputel sends no usage data; ignored",
              "use_dualstack_endpoint", "not supported by gputel; ignored"));
      long interval = agent.number("metrics_collection_interval").orElse(DEFAULT_INTERVAL);
      checkInterval(agent, "metrics_collection_interval", interval);
      return new Agent(interval, agent.string("region"), agent.string("run_as_user"),
          agent.bool("omit_hostname").orElse(false));
    }
  }

  static void checkInterval(JsonSection section, String key, long seconds) {
    if (seconds < 1 || seconds > 172_800) {
      section.findings().error(section.originOf(key), section.pathOf(key),
          seconds + " is outside 1 to 172800 seconds, the agent's range");
    }
  }

  /** What the conversion builds: components and pipelines, each with the keys it came from. */
  static final class Plan {
    final Map<String, Block> receivers = new LinkedHashMap<>();
    final Map<String, Block> processors = new LinkedHashMap<>();
    final Map<String, Block> exporters = new LinkedHashMap<>();
    final Map<String, Pipeline> pipelines = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();

    /** Adds the resource-detection processor, which every converted pipeline runs. */
    void useResourceDetection() {
      processors.putIfAbsent("resource-detection", (id, out) -> {
        out.open(id);
        out.comment("Instance (IMDSv2) and ECS task attributes, for the ${aws:...} dimensions and {instance_id}.");
        out.close();
      });
    }

    String render(String source, List<String> warnings) {
      HoconWriter out = new HoconWriter();
      out.comment("Converted by `gputel convert` from the CloudWatch agent configuration " + source + ".");
      notes.forEach(out::comment);
      if (!warnings.isEmpty()) {
        out.comment("Not carried over:");
        warnings.forEach(w -> out.comment("  " + w));
      }
      out.open("gputel");
      section(out, "receivers", receivers);
      section(out, "processors", processors);
      section(out, "exporters", exporters);
      out.open("pipelines");
      pipelines.forEach((id, pipeline) -> {
        out.open(id);
        out.raw("receivers", "[" + String.join(", ", pipeline.receivers()) + "]");
        out.raw("processors", "[" + String.join(", ", pipeline.processors()) + "]");
        out.raw("exporters", "[" + String.join(", ", pipeline.exporters()) + "]");
        out.close();
      });
      out.close();
      out.close();
      return out.toString();
    }

    private static void section(HoconWriter out, String name, Map<String, Block> blocks) {
      if (blocks.isEmpty()) {
        return;
      }
      out.open(name);
      blocks.forEach((id, block) -> block.write(id, out));
      out.close();
    }
  }

  /** A component's block, written by whoever built it. */
  @FunctionalInterface
  interface Block {
    void write(String id, HoconWriter out);
  }

  record Pipeline(List<String> receivers, List<String> processors, List<String> exporters) {}
}
