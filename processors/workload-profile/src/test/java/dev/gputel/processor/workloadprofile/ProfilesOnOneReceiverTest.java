package dev.gputel.processor.workloadprofile;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import dev.gputel.runtime.Agent;
import dev.gputel.runtime.AgentContext;
import dev.gputel.runtime.ComponentCreator;
import dev.gputel.runtime.config.AgentSpec;
import dev.gputel.runtime.config.ConfigValidator;
import dev.gputel.runtime.plugin.PluginLoader;
import dev.gputel.runtime.telemetry.TelemetryRegistry;
import java.nio.file.Files;
import dev.gputel.testing.CaptureFiles;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real agent, built-in components found as in the distribution: the replay receiver feeds a
 * compute and a graphics pipeline, and collects only the union of what their profiles keep.
 */
class ProfilesOnOneReceiverTest {
  // One H100 sample (see config/captures/nvidia-smi/PROVENANCE.md). Of the replay receiver's
  // default fields it has a value for 16; fan.speed is [N/A].
  private static final Path H100_LOAD = CaptureFiles.folder("nvidia-smi")
      .resolve("h100-80gb-hbm3__590.48.01__load.csv");
  private static final Pattern NAME = Pattern.compile("\"name\":\"([^\"]+)\"");

  @TempDir Path data;

  @Test
  void theReceiverCollectsTheUnionAndEachPipelineGetsItsProfile() throws Exception {
    Path compute = data.resolve("compute.jsonl");
    Path graphics = data.resolve("graphics.jsonl");
    AgentSpec spec = new ConfigValidator(PluginLoader.load(data.resolve("no-plugins")),
        new ComponentCreator(Clock.systemUTC())).validate(ConfigFactory.parseString("""
        gputel {
          service { data-directory = "%s", admin.enabled = false, shutdown-timeout = 5s }
          receivers { replay { metrics-files = ["%s"], mode = once, interval = 10ms } }
          processors {
            workload-profile/compute { profile = compute }
            workload-profile/graphics { profile = graphics }
          }
          exporters {
            debug/compute { output = file, path = "%s", format = json }
            debug/graphics { output = file, path = "%s", format = json }
          }
          pipelines {
            metrics/compute { receivers = [replay], processors = [workload-profile/compute], exporters = [debug/compute] }
            metrics/graphics { receivers = [replay], processors = [workload-profile/graphics], exporters = [debug/graphics] }
          }
        }
        """.formatted(data, H100_LOAD.toAbsolutePath(), compute, graphics)).resolve());
    AgentContext context = AgentContext.create(Throwable::printStackTrace);
    TelemetryRegistry telemetry = context.telemetry();
    Agent agent = Agent.create(spec, context);
    agent.start();
    try {
      Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
          sent(telemetry, "debug/compute") == 10 && sent(telemetry, "debug/graphics") == 13);
    } finally {
      agent.shutdown();
    }

    // 10 compute and 13 graphics ids share 8: the receiver built 15 points, not temperature_gpu.
    assertThat(telemetry.value("gputel_receiver_accepted_items_total",
        Map.of("receiver", "replay", "signal", "metrics"))).isEqualTo(15);
    assertThat(names(compute)).containsExactlyInAnyOrderElementsOf(Profile.COMPUTE.ids());
    assertThat(names(graphics)).containsExactlyInAnyOrderElementsOf(Profile.GRAPHICS.ids());
    // Each pipeline dropped only what the other one wanted.
    assertThat(filtered(telemetry, "workload-profile/compute")).as("graphics-only points").isEqualTo(5);
    assertThat(filtered(telemetry, "workload-profile/graphics")).as("compute-only points").isEqualTo(2);
  }

  private static double sent(TelemetryRegistry telemetry, String exporter) {
    return telemetry.value("gputel_exporter_sent_items_total", Map.of("exporter", exporter, "signal", "metrics"));
  }

  private static double filtered(TelemetryRegistry telemetry, String processor) {
    return telemetry.value("gputel_processor_filtered_points_total", Map.of("processor", processor));
  }

  private static List<String> names(Path jsonLines) throws Exception {
    return Files.readAllLines(jsonLines).stream().map(NAME::matcher).filter(Matcher::find)
        .map(matcher -> matcher.group(1)).toList();
  }
}
