package dev.gputel.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gputel.testing.AgentProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The image as ECS runs it, without ECS: unpacked with umoci, started with runc as a non-root user,
 * configured by a file mounted at /etc/gputel/gputel.conf. The agent replays real nvidia-smi
 * captures, names the task from a fake task metadata endpoint (ECS_CONTAINER_METADATA_URI_V4, as
 * ECS sets it), serves the GPU series with the task's ARNs as labels, and stops cleanly on SIGTERM.
 */
class ContainerIT {
  static final Path IMAGE = Path.of(System.getProperty("gputel.image.tar", "target/gputel-image.tar"));
  static final String TAG = "gputel:" + System.getProperty("gputel.image.tag", "0.1.0");
  /** What the agent exits with after SIGTERM (core/runtime README: 143, as 128 + 15). */
  static final int STOPPED_BY_SIGTERM = 143;
  static final String NON_ROOT = "65532";
  private static final Duration STARTUP = Duration.ofSeconds(90);
  private static final Duration STOP = Duration.ofSeconds(30);

  private static final String TASK_ARN =
      "arn:aws:ecs:us-west-2:210987654321:task/gpu-cluster/8c1e7a2f4b3d4c5e9f0a1b2c3d4e5f60";
  private static final String CLUSTER_ARN = "arn:aws:ecs:us-west-2:210987654321:cluster/gpu-cluster";

  @TempDir Path work;

  @BeforeAll
  static void tools() throws Exception {
    Runc.requireTools();
    assertThat(IMAGE).as("the image tarball (built by mvn package)").isRegularFile();
  }

  @Test
  void runsAsNonRootReadsTheMountedConfigNamesTheEcsTaskAndStopsCleanly() throws Exception {
    int adminPort = AgentProcess.freePort();
    int prometheusPort = AgentProcess.freePort();
    Path config = work.resolve("gputel.conf");
    Files.writeString(config, FakeTaskMetadataEndpoint.fixture("container/ecs-replay.conf"));
    String id = "gputel-it-" + ProcessHandle.current().pid() + "-" + System.nanoTime();

    try (FakeTaskMetadataEndpoint ecs = new FakeTaskMetadataEndpoint()) {
      Runc bundle = Runc.unpack(IMAGE, TAG, work)
          .headlessOnHostNetwork(Map.of(
              "ECS_CONTAINER_METADATA_URI_V4", ecs.uri(),
              "GPUTEL_ADMIN_PORT", String.valueOf(adminPort),
              "GPUTEL_PROMETHEUS_PORT", String.valueOf(prometheusPort)))
          .mountReadOnly(config, "/etc/gputel/gputel.conf");
      try (AgentProcess container = bundle.run(id)) {
        String health = container.awaitHttp(adminPort, "/healthz", STARTUP);
        assertThat(health).contains("\"status\"");

        String metrics = container.awaitHttp(prometheusPort, "/metrics", STARTUP,
            body -> body.contains("nvidia_gpu_utilization_gpu_ratio{"));
        assertThat(gpuSeries(metrics, "nvidia_gpu_utilization_gpu_ratio{")).isNotEmpty().allSatisfy(series ->
            assertThat(series)
                .contains("aws_ecs_task_arn=\"" + TASK_ARN + "\"")
                .contains("aws_ecs_cluster_arn=\"" + CLUSTER_ARN + "\"")
                .contains("aws_ecs_task_family=\"gputel\"")
                .contains("model=\"NVIDIA H100 80GB HBM3\""));
        assertThat(ecs.taskRequests()).as("task metadata requests").isPositive();

        // What ECS runs every 30 s (deploy/ecs/task-definition.json): no shell or curl in the image.
        List<String> healthCheck = healthCheckCommand();
        Runc.Exec check = Runc.exec(id, healthCheck);
        assertThat(check.exitCode()).as("%s: %s", healthCheck, check.output()).isZero();
        assertThat(check.output()).contains("\"status\"");

        long pid = Runc.pid(id);
        List<String> status = Files.readAllLines(Path.of("/proc/" + pid + "/status"));
        assertThat(field(status, "Uid:")).as("real, effective, saved and file-system uid")
            .containsExactly(NON_ROOT, NON_ROOT, NON_ROOT, NON_ROOT);
        assertThat(field(status, "Gid:")).containsOnly(NON_ROOT);
        assertThat(Files.readString(Path.of("/proc/" + pid + "/cmdline")))
            .as("the container's first process is the JVM itself, which receives SIGTERM")
            .startsWith("/opt/jre/bin/java\0");

        Runc.kill(id, "TERM");
        AgentProcess.Result result = container.finish(STOP);
        assertThat(result.exitCode()).as(result.toString()).isEqualTo(STOPPED_BY_SIGTERM);
        assertThat(result.stderr()).as(result.toString())
            .contains("serving http://127.0.0.1:" + prometheusPort + "/metrics")
            .doesNotContain(" ERROR ");
      }
    } finally {
      Runc.delete(id);
    }
  }

  /** The task definition's healthCheck.command, without ECS's leading "CMD". */
  private static List<String> healthCheckCommand() throws IOException {
    var command = new ObjectMapper().readTree(EcsDeployFilesTest.TASK_DEFINITION.toFile()).at("/containerDefinitions/0/healthCheck/command");
    List<String> words = new ArrayList<>();
    command.forEach(word -> words.add(word.asText()));
    assertThat(words.getFirst()).isEqualTo("CMD");
    return words.subList(1, words.size());
  }

  private static List<String> gpuSeries(String exposition, String prefix) {
    return exposition.lines().filter(line -> line.startsWith(prefix)).toList();
  }

  private static List<String> field(List<String> status, String name) {
    String line = status.stream().filter(l -> l.startsWith(name)).findFirst().orElseThrow();
    return List.of(line.substring(name.length()).strip().split("\\s+"));
  }
}
