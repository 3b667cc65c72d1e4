package dev.gputel.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.gputel.testing.AgentProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/ecs/task-definition.json and task-role-policy.json against what the image expects: both
 * are files users register as they are, so a typo would only show on a GPU instance in AWS.
 */
class EcsDeployFilesTest {
  static final Path REPOSITORY = Path.of(System.getProperty("gputel.repository", "../.."));
  static final Path TASK_DEFINITION = REPOSITORY.resolve("deploy/ecs/task-definition.json");
  static final Path POLICY = REPOSITORY.resolve("deploy/ecs/task-role-policy.json");
  static final Path IMAGE_CONFIG = Path.of("src/main/rootfs/etc/gputel/gputel.conf");
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path work;

  @Test
  void theTaskRoleMayDoExactlyWhatTheExportersCall() throws IOException {
    JsonNode policy = JSON.readTree(POLICY.toFile());

    assertThat(policy.path("Version").asText()).isEqualTo("2012-10-17");
    Set<String> actions = new TreeSet<>();
    for (JsonNode statement : policy.path("Statement")) {
      assertThat(statement.path("Effect").asText()).as(statement.toString()).isEqualTo("Allow");
      actions.addAll(strings(statement.path("Action")));
    }
    // The SDK calls in exporters/cloudwatch and exporters/cloudwatch-logs, and nothing else.
    assertThat(actions).containsExactly("cloudwatch:PutMetricData", "logs:CreateLogGroup",
        "logs:CreateLogStream", "logs:PutLogEvents", "logs:PutRetentionPolicy");
  }

  @Test
  void thePolicyIsScopedToTheNamespaceAndLogGroupTheTaskConfigures() throws IOException {
    JsonNode policy = JSON.readTree(POLICY.toFile());
    Map<String, String> environment = environment(container());

    for (JsonNode statement : policy.path("Statement")) {
      List<String> actions = strings(statement.path("Action"));
      if (actions.contains("cloudwatch:PutMetricData")) {
        assertThat(actions).containsExactly("cloudwatch:PutMetricData");
        assertThat(statement.at("/Condition/StringEquals/cloudwatch:namespace").asText())
            .isEqualTo(environment.get("GPUTEL_CLOUDWATCH_NAMESPACE"));
      } else {
        assertThat(strings(statement.path("Resource"))).isNotEmpty().allSatisfy(resource -> assertThat(resource)
            .startsWith("arn:aws:logs:<REGION>:<ACCOUNT_ID>:log-group:" + environment.get("GPUTEL_LOG_GROUP")));
      }
    }
  }

  @Test
  void theDaemonRunsOnHostNetworkingWithoutTakingGpusFromWorkloads() throws IOException {
    JsonNode task = JSON.readTree(TASK_DEFINITION.toFile());
    JsonNode container = container();

    assertThat(task.path("networkMode").asText()).isEqualTo("host");
    assertThat(strings(task.path("requiresCompatibilities"))).containsExactly("EC2");
    assertThat(task.path("containerDefinitions")).hasSize(1);
    // A GPU resource requirement would reserve GPUs for the agent that ECS then withholds from tasks.
    assertThat(container.path("resourceRequirements").findValuesAsText("type")).doesNotContain("GPU");
    Map<String, String> environment = environment(container);
    assertThat(environment).containsEntry("NVIDIA_VISIBLE_DEVICES", "all");
    assertThat(environment.get("NVIDIA_DRIVER_CAPABILITIES")).contains("utility");
    assertThat(container.path("image").asText()).endsWith("/gputel:" + System.getProperty("gputel.version", "0.1.0"));
    assertThat(container.path("logConfiguration").path("logDriver").asText()).isEqualTo("awslogs");
    assertThat(container.path("logConfiguration").path("options").fieldNames())
        .toIterable().contains("awslogs-group", "awslogs-region", "awslogs-stream-prefix");
    // The agent drains its exporters for up to 30 s (gputel.service.shutdown-timeout) after SIGTERM.
    assertThat(container.path("stopTimeout").asInt()).isGreaterThan(30);
  }

  @Test
  void everyMountTargetsWhatTheImageUsesAndNamesADeclaredVolume() throws IOException {
    JsonNode task = JSON.readTree(TASK_DEFINITION.toFile());
    Set<String> volumes = new TreeSet<>(task.path("volumes").findValuesAsText("name"));

    JsonNode mounts = container().path("mountPoints");
    assertThat(mounts.findValuesAsText("containerPath")).containsExactly("/var/lib/gputel");
    assertThat(mounts.findValuesAsText("sourceVolume")).allSatisfy(volume -> assertThat(volumes).contains(volume));
    assertThat(container().at("/linuxParameters/devices").findValuesAsText("containerPath"))
        .containsExactly("/dev/kmsg");
  }

  @Test
  void theHealthCheckRunsTheAgentsHealthcheckCommandOnTheAdminPort() throws IOException {
    JsonNode container = container();
    List<String> command = strings(container.at("/healthCheck/command"));

    assertThat(command.getFirst()).as("exec form: the image has no shell").isEqualTo("CMD");
    assertThat(command).contains("/opt/jre/bin/java", "/opt/gputel/lib/*", "dev.gputel.runtime.cli.Main")
        .endsWith("healthcheck");
    // gputel healthcheck asks GPUTEL_ADMIN_PORT, the port the agent's admin endpoint listens on.
    assertThat(environment(container)).containsEntry("GPUTEL_ADMIN_PORT", "13133");
    assertThat(container.at("/healthCheck/startPeriod").asInt()).isPositive();
  }

  @Test
  void everyGputelVariableTheTaskSetsIsOneTheImageConfigurationReads() throws IOException {
    Set<String> read = new TreeSet<>();
    Matcher substitution = Pattern.compile("\\$\\{\\?(\\w+)}").matcher(Files.readString(IMAGE_CONFIG));
    while (substitution.find()) {
      read.add(substitution.group(1));
    }
    read.add("GPUTEL_ADMIN_PORT");  // read by the runtime's reference.conf
    read.add("GPUTEL_DATA_DIR");

    assertThat(environment(container()).keySet().stream().filter(name -> name.startsWith("GPUTEL_")))
        .allSatisfy(name -> assertThat(read).contains(name));
  }

  @Test
  void theImageConfigurationIsValidWithTheTasksEnvironment() throws Exception {
    Config imageConfig = ConfigFactory.parseFile(IMAGE_CONFIG.toFile());
    assertThat(imageConfig.hasPath("gputel.pipelines.metrics")).isTrue();
    Map<String, String> environment = new HashMap<>(environment(container()));
    environment.put("GPUTEL_DATA_DIR", work.resolve("data").toString());

    try (AgentProcess validate = AgentProcess.start(System.getProperty("java.class.path"), work, environment,
        "validate", "--config", IMAGE_CONFIG.toAbsolutePath().toString())) {
      AgentProcess.Result result = validate.finish(Duration.ofSeconds(60));
      assertThat(result.exitCode()).as(result.toString()).isZero();
      assertThat(result.stdout()).contains("valid (2 pipeline(s)");
    }
  }

  private static JsonNode container() throws IOException {
    return JSON.readTree(TASK_DEFINITION.toFile()).path("containerDefinitions").path(0);
  }

  static Map<String, String> environment(JsonNode container) {
    Map<String, String> environment = new LinkedHashMap<>();
    container.path("environment").forEach(entry -> environment.put(entry.path("name").asText(), entry.path("value").asText()));
    return environment;
  }

  private static List<String> strings(JsonNode node) {
    if (node.isTextual()) {
      return List.of(node.asText());
    }
    return StreamSupport.stream(node.spliterator(), false).map(JsonNode::asText).toList();
  }
}
