package dev.gputel.image;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gputel.testing.AgentProcess;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The image as an OCI runtime bundle, run with runc: what a container engine does, without one.
 * Needs root, runc and umoci (.ci/run installs both).
 */
final class Runc {
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path bundle;
  private final ObjectNode config;

  private Runc(Path bundle) throws IOException {
    this.bundle = bundle;
    this.config = (ObjectNode) JSON.readTree(bundle.resolve("config.json").toFile());
  }

  /** Fails, never skips, when the tools are missing: the image would go untested. */
  static void requireTools() throws IOException {
    for (String tool : List.of("runc", "umoci", "tar")) {
      assertThat(onPath(tool)).as("'%s' is needed to run the image (install it: apt-get install runc umoci)", tool)
          .isTrue();
    }
    String uid = Files.readAllLines(Path.of("/proc/self/status")).stream()
        .filter(line -> line.startsWith("Uid:")).findFirst().orElse("Uid: ?");
    assertThat(uid.split("\\s+")[1]).as("runc runs containers as root here (rootless runc is not set up): run the tests as root")
        .isEqualTo("0");
  }

  /** Unpacks the OCI image tarball with umoci into {@code work}/bundle. */
  static Runc unpack(Path imageTar, String tag, Path work) throws IOException, InterruptedException {
    Path layout = work.resolve("oci");
    Files.createDirectories(layout);
    run(List.of("tar", "-xf", imageTar.toString(), "-C", layout.toString()));
    Path bundle = work.resolve("bundle");
    run(List.of("umoci", "unpack", "--image", layout + ":" + tag, bundle.toString()));
    return new Runc(bundle);
  }

  Path rootfs() {
    return bundle.resolve("rootfs");
  }

  ObjectNode config() {
    return config;
  }

  /**
   * No terminal (the output goes to files), the host's network namespace (so that the container
   * reaches a fake on 127.0.0.1 and the test reaches the agent's ports), these variables added.
   */
  Runc headlessOnHostNetwork(Map<String, String> environment) {
    ObjectNode process = (ObjectNode) config.get("process");
    process.put("terminal", false);
    ArrayNode env = (ArrayNode) process.get("env");
    environment.forEach((name, value) -> env.add(name + "=" + value));
    ArrayNode namespaces = (ArrayNode) config.at("/linux/namespaces");
    for (int i = namespaces.size() - 1; i >= 0; i--) {
      if (namespaces.get(i).path("type").asText().equals("network")) {
        namespaces.remove(i);
      }
    }
    return this;
  }

  /** Bind-mounts a host file read-only over {@code destination}, as docker run -v does. */
  Runc mountReadOnly(Path source, String destination) {
    ObjectNode mount = ((ArrayNode) config.get("mounts")).addObject();
    mount.put("destination", destination);
    mount.put("type", "bind");
    mount.put("source", source.toAbsolutePath().toString());
    mount.putArray("options").add("rbind").add("ro");
    return this;
  }

  /** Starts {@code runc run} in the foreground: its exit status is the container's. */
  AgentProcess run(String id) throws IOException {
    JSON.writerWithDefaultPrettyPrinter().writeValue(bundle.resolve("config.json").toFile(), config);
    return AgentProcess.launch(List.of("runc", "run", "--bundle", bundle.toString(), id),
        bundle.getParent(), System.getenv());
  }

  /** The host pid of the container's first process, from {@code runc state}. */
  static long pid(String id) throws IOException, InterruptedException {
    JsonNode state = JSON.readTree(run(List.of("runc", "state", id)));
    return state.path("pid").asLong();
  }

  record Exec(int exitCode, String output) {}

  /** Runs a command in the running container, as its user and with its environment (runc exec). */
  static Exec exec(String id, List<String> command) throws IOException, InterruptedException {
    List<String> all = new ArrayList<>(List.of("runc", "exec", id));
    all.addAll(command);
    Process process = new ProcessBuilder(all).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", all).isTrue();
    return new Exec(process.exitValue(), output);
  }

  static void kill(String id, String signal) throws IOException, InterruptedException {
    run(List.of("runc", "kill", id, signal));
  }

  /** Removes the container whatever state it is in; quiet when it is already gone. */
  static void delete(String id) throws IOException, InterruptedException {
    Process delete = new ProcessBuilder("runc", "delete", "--force", id).redirectErrorStream(true).start();
    delete.getInputStream().readAllBytes();
    delete.waitFor(30, TimeUnit.SECONDS);
  }

  private static String run(List<String> command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
    assertThat(process.exitValue()).as("%s exit status; output:%n%s", command, output).isZero();
    return output;
  }

  private static boolean onPath(String tool) {
    return List.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)).stream().anyMatch(dir -> !dir.isEmpty() && Files.isExecutable(Path.of(dir, tool)));
  }
}
