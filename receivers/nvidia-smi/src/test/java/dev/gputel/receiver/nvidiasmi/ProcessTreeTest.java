package dev.gputel.receiver.nvidiasmi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessTreeTest {
  @Test
  void killsTheProcessAndEverythingItStarted() throws Exception {
    // A parent with a child and a grandchild, all holding stdout open, as a hung nvidia-smi might.
    Process parent = new ProcessBuilder("bash", "-c", "sleep 600 & bash -c 'sleep 600 & wait' & wait").start();
    await().atMost(Duration.ofSeconds(10)).until(() -> parent.toHandle().descendants().count() >= 3);
    List<ProcessHandle> tree = parent.toHandle().descendants().toList();

    int killed = ProcessTree.killForcibly(parent.toHandle());

    assertThat(killed).isEqualTo(tree.size());
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(parent.isAlive()).isFalse();
      assertThat(tree).noneMatch(ProcessHandle::isAlive);
    });
    // The pipe closes only when every holder is gone: the reader sees its end.
    assertThat(parent.getInputStream().read()).isEqualTo(-1);
  }
}
