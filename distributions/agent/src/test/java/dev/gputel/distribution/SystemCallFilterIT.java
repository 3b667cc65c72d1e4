package dev.gputel.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.testing.AgentProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every system call the agent makes, traced with strace from JVM start to drained stop, is in the
 * unit's {@code SystemCallFilter=} as this machine's systemd expands it: under the unit, a call
 * outside it would fail with EPERM. gpu-host.conf adds the NVML receiver (down here, without a
 * driver: loading and retrying) and the kernel-log receiver (journalctl, or /dev/kmsg).
 */
class SystemCallFilterIT {
  private static final Pattern CALL = Pattern.compile("^\\d+ +([a-z0-9_]+)\\(", Pattern.MULTILINE);
  private static final Duration STARTUP = Duration.ofSeconds(90);

  @TempDir static Path unpacked;
  static Distribution distribution;
  static Set<String> allowed;

  @TempDir Path work;

  @BeforeAll
  static void expandTheUnitsFilter() throws Exception {
    distribution = Distribution.unpack(unpacked);
    String filter = Files.readString(distribution.home().resolve("systemd/gputel.service")).lines()
        .filter(line -> line.startsWith("SystemCallFilter=")).findFirst().orElseThrow()
        .substring("SystemCallFilter=".length());
    Map<String, List<String>> groups = groups();
    allowed = new HashSet<>();
    assertThat(filter).as("an allow list (a ~deny list would need its own reading)").doesNotStartWith("~");
    for (String entry : filter.split(" ")) {
      allowed.addAll(expand(entry, groups));
    }
    assertThat(allowed).as("the filter %s, expanded", filter).contains("read");
  }

  @ParameterizedTest
  @ValueSource(strings = {"config/demo.conf", "config/gpu-host.conf"})
  void everySystemCallIsInTheUnitsFilter(String config) throws Exception {
    Path trace = work.resolve("strace.out");
    int port = AgentProcess.freePort();
    Map<String, String> environment = new HashMap<>(Distribution.environment());
    environment.put("GPUTEL_ADMIN_PORT", String.valueOf(port));
    environment.put("GPUTEL_DATA_DIR", Files.createDirectories(work.resolve("data")).toString());
    environment.put("GPUTEL_EVENTS_FILE", work.resolve("events.jsonl").toString());
    List<String> command = new ArrayList<>(List.of("strace", "-f", "-qq", "-o", trace.toString(),
        distribution.launcher().toString(), "run", "--config", config));

    try (AgentProcess traced = AgentProcess.launch(command, distribution.home(), environment)) {
      traced.awaitHttp(port, "/healthz", STARTUP, body -> body.contains("\"receiver/"));
      // SIGTERM to the JVM itself: strace would detach and leave it running.
      ProcessHandle jvm = ProcessHandle.current().descendants()
          .filter(p -> p.info().arguments().map(a -> List.of(a).contains("dev.gputel.runtime.cli.Main")).orElse(false))
          .filter(p -> p.parent().map(parent -> parent.info().command().orElse("").endsWith("strace")).orElse(false))
          .findFirst().orElseThrow(() -> new AssertionError("no traced JVM among " + traced.stderr()));
      jvm.destroy();
      AgentProcess.Result result = traced.finish(Duration.ofSeconds(60));
      assertThat(result.stderr()).as(result.toString()).contains("dev.gputel.runtime.Agent - stopped");
    }

    Set<String> calls = new TreeSet<>();
    Matcher matcher = CALL.matcher(Files.readString(trace));
    while (matcher.find()) {
      calls.add(matcher.group(1));
    }
    assertThat(calls).as("system calls traced").contains("openat", "clone3");
    assertThat(calls.stream().filter(call -> !allowed.contains(call)).toList())
        .as("calls the unit's filter would refuse with EPERM").isEmpty();
  }

  /** {@code systemd-analyze syscall-filter}: each @group with its calls and nested @groups. */
  private static Map<String, List<String>> groups() throws Exception {
    Path work = Files.createTempDirectory(unpacked, "analyze");
    AgentProcess.Result result = AgentProcess.launch(List.of("systemd-analyze", "syscall-filter"), work,
        Distribution.environment()).finish(Distribution.COMMAND_TIMEOUT);
    assertThat(result.exitCode()).as(result.toString()).isZero();
    Map<String, List<String>> groups = new LinkedHashMap<>();
    List<String> current = null;
    for (String line : result.stdout().lines().toList()) {
      String entry = line.strip();
      if (line.startsWith("@")) {
        current = new ArrayList<>();
        groups.put(entry.split(" ")[0], current);
      } else if (current != null && !entry.isEmpty() && !entry.startsWith("#")) {
        current.add(entry.split(" ")[0]);
      }
    }
    return groups;
  }

  private static Set<String> expand(String entry, Map<String, List<String>> groups) {
    if (!entry.startsWith("@")) {
      return Set.of(entry);
    }
    assertThat(groups).as("systemd's syscall groups").containsKey(entry);
    Set<String> calls = new HashSet<>();
    groups.get(entry).forEach(member -> calls.addAll(expand(member, groups)));
    return calls;
  }
}
