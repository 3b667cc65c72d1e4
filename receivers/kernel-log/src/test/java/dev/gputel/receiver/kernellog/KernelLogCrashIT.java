package dev.gputel.receiver.kernellog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.gputel.testing.AgentProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At least once, exactly once after deduplication, through SIGKILL: the real agent (this receiver
 * on the real journalctl, the debug exporter behind its on-disk spool) is killed with kill -9 at
 * random points while kernel lines stream into a real journal file, and started again; between two
 * runs the machine "reboots" (the stream moves to a new boot id). In the end every NVIDIA line
 * written must be in the exporter's output, and the distinct ids there must be exactly the ids of
 * those lines: none missing, none new (an id that changed on re-reading would show up as extra).
 */
class KernelLogCrashIT {
  private static final int KILLED_RUNS = 6;
  private static final int REBOOT_BEFORE_RUN = 3;
  private static final Duration STARTUP = Duration.ofSeconds(60);
  private static final String BOOT_A = "5f0c7d6a2b8e4f1a9c3d7e2b6a4f8c1d";
  private static final String BOOT_B = "a1b2c3d4e5f60718293a4b5c6d7e8f90";

  @TempDir Path work;

  @Test
  void everyXidArrivesOnceAfterDedupeThroughKillsAndAReboot() throws Exception {
    long seed = System.nanoTime();
    Random random = new Random(seed);
    Path journal = work.resolve("journal");
    Path output = work.resolve("events.jsonl");
    int port = AgentProcess.freePort();
    Path config = Files.writeString(work.resolve("gputel.conf"), """
        gputel {
          service { data-directory = "%s", admin.port = %d, shutdown-timeout = 10s }
          receivers {
            kernel-log {
              source = journald
              journald { directory = "%s", start-at = all }
              retry { initial-interval = 100ms, max-interval = 1s }
            }
          }
          exporters {
            debug { output = file, path = "%s", format = json, spool { enabled = true, fsync = always } }
          }
          pipelines { events { receivers = [kernel-log], exporters = [debug] } }
        }
        """.formatted(work.resolve("data"), port, journal, output));
    List<String> kills = new ArrayList<>();

    try (JournalWriter writer = new JournalWriter(journal.resolve("gpu-node.journal"));
        JournalStream stream = new JournalStream(writer, BOOT_A, random)) {
      for (int run = 0; run < KILLED_RUNS; run++) {
        if (run == REBOOT_BEFORE_RUN) {
          stream.pause();
          stream.reboot(BOOT_B); // The agent is down; the node comes back with a new boot id.
          stream.resume();
        }
        try (AgentProcess agent = AgentProcess.start(System.getProperty("java.class.path"), work.resolve("run" + run),
            Map.of(), "run", "--config", config.toString())) {
          int before = new HashSet<>(SpooledOutput.ids(output)).size();
          int more = random.nextInt(5) == 0 ? 0 : 1 + random.nextInt(80);
          if (more > 0) {
            // Kill once a random number of new events has come through: a random point in the stream.
            await().atMost(STARTUP).pollInterval(Duration.ofMillis(20))
                .until(() -> new HashSet<>(SpooledOutput.ids(output)).size() >= before + more);
          }
          agent.close(); // SIGKILL
          AgentProcess.Result result = agent.finish(Duration.ofSeconds(30));
          assertThat(result.exitCode()).as("killed by SIGKILL: %s", result).isEqualTo(137);
          kills.add("run " + run + ": killed after " + more + " new event(s)");
        }
        // setpriv --pdeathsig: the agent's journalctl dies with it, even on SIGKILL.
        await().atMost(Duration.ofSeconds(10)).until(() -> journalctls(journal).isEmpty());
      }
      stream.pause();
      List<ExportEntry> written = stream.nvidiaLines();
      Set<String> expected = new HashSet<>(written.stream().map(KernelHistory::expectedId).toList());
      assertThat(written).as("lines of both boots were written")
          .anyMatch(e -> e.bootId().equals(BOOT_A)).anyMatch(e -> e.bootId().equals(BOOT_B));

      try (AgentProcess agent = AgentProcess.start(System.getProperty("java.class.path"), work.resolve("final"),
          Map.of(), "run", "--config", config.toString())) {
        try {
          await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
              .until(() -> new HashSet<>(SpooledOutput.ids(output)).containsAll(expected));
        } catch (ConditionTimeoutException e) {
          Set<String> seen = new HashSet<>(SpooledOutput.ids(output));
          List<String> missing = written.stream().filter(entry -> !seen.contains(KernelHistory.expectedId(entry)))
              .map(entry -> entry.bootId() + " " + entry.monotonicMicros() + " " + KernelHistory.text(entry)).toList();
          throw new AssertionError("seed " + seed + ", " + kills + ": " + missing.size() + " of " + written.size()
              + " NVIDIA lines never arrived, first: " + missing.subList(0, Math.min(5, missing.size()))
              + "\nfinal agent stderr:\n" + agent.stderr(), e);
        }
        agent.terminate();
        assertThat(agent.finish(Duration.ofSeconds(30)).exitCode()).isEqualTo(143);
      }

      List<String> ids = SpooledOutput.ids(output);
      Set<String> distinct = new HashSet<>(ids);
      String story = "seed " + seed + ", " + kills + "; " + written.size() + " NVIDIA lines written, "
          + ids.size() + " events in the output, " + distinct.size() + " distinct";
      System.out.println("KernelLogCrashIT: " + story);
      assertThat(distinct).as(story).isEqualTo(expected);
      assertThat(ids.size()).as("at least once: %s", story).isGreaterThanOrEqualTo(expected.size());
    }
  }

  private static List<ProcessHandle> journalctls(Path journal) {
    return ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
        .filter(p -> p.info().commandLine().orElse("").contains("--directory=" + journal)).toList();
  }
}
