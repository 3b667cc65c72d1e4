package dev.gputel.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.testing.AgentProcess;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code config/examples/emf-stdout.conf}: EMF documents on standard output with no GPU and no AWS. */
class RunEmfStdoutIT {
  private static final Pattern SENT = Pattern.compile(
      "^gputel_exporter_sent_items_total\\{exporter=\"cloudwatch-emf\",signal=\"metrics\"} (\\S+)$", Pattern.MULTILINE);

  @TempDir Path unpacked;
  @TempDir Path data;

  @Test
  void theExamplePrintsOneEmfDocumentPerLineOnStandardOutput() throws Exception {
    Distribution distribution = Distribution.unpack(unpacked);
    int port = AgentProcess.freePort();
    Map<String, String> environment = new HashMap<>(Distribution.environment());
    environment.put("GPUTEL_ADMIN_PORT", String.valueOf(port));
    environment.put("GPUTEL_DATA_DIR", data.toString());

    try (AgentProcess agent = Distribution.start(distribution.launcher(), distribution.home(), environment,
        "run", "--config", "config/examples/emf-stdout.conf")) {
      agent.awaitHttp(port, "/metrics", Duration.ofSeconds(60), body -> sent(body) > 10); // points: the compute profile has 10 per batch
      agent.terminate();
      AgentProcess.Result result = agent.finish(Duration.ofSeconds(20));

      assertThat(result.exitCode()).as(result.toString()).isEqualTo(RunDemoIT.STOPPED_BY_SIGTERM);
      List<String> lines = result.stdout().lines().filter(line -> !line.isBlank()).toList();
      assertThat(lines).as(result.toString()).hasSizeGreaterThanOrEqualTo(2).allSatisfy(line -> assertThat(line)
          .startsWith("{\"_aws\":{\"Timestamp\":").endsWith("}")
          .contains("\"Namespace\":\"CWAgent\"", "\"Dimensions\":[[\"host\",\"index\",\"name\",\"InstanceId\",\"InstanceType\"]]",
              "\"InstanceId\":\"i-0123456789abcdef0\"", "\"InstanceType\":\"p5.48xlarge\"",
              "\"Name\":\"nvidia_smi_utilization_gpu\",\"Unit\":\"None\",\"StorageResolution\":1",
              "\"name\":\"NVIDIA H100 80GB HBM3\"")
          .doesNotContain("nvidia_smi_temperature_gpu", "nvidia_smi_encoder_stats"));
      assertThat(result.stderr()).as(result.toString()).doesNotContain(" ERROR ", " WARN ");
    }
  }

  private static double sent(String metrics) {
    Matcher matcher = SENT.matcher(metrics);
    return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
  }
}
