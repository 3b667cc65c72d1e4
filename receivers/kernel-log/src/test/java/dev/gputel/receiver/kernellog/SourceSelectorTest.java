package dev.gputel.receiver.kernellog;

import static org.assertj.core.api.Assertions.assertThat;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceSelectorTest {
  @TempDir Path work;

  private static KernelLogConfig config(String body) {
    return KernelLogConfig.from(ConfigFactory.parseString(body)
        .withFallback(ConfigFactory.defaultReference().getConfig("gputel.receivers.kernel-log")).resolve());
  }

  @Test
  void autoTakesTheJournalWhenItHasFiles() throws Exception {
    Path journal = Files.createDirectories(work.resolve("var/log/journal/0123456789abcdef0123456789abcdef"));
    assertThat(SourceSelector.resolve(config(""), List.of(work.resolve("var/log/journal"))))
        .as("an empty journal directory, as on a host without persistent journald").isEqualTo(SourceKind.KMSG);

    Files.createFile(journal.resolve("system.journal"));

    assertThat(SourceSelector.resolve(config(""), List.of(work.resolve("missing"), work.resolve("var/log/journal"))))
        .isEqualTo(SourceKind.JOURNALD);
  }

  @Test
  void autoTakesKmsgWithoutJournalctl() throws Exception {
    Path journal = Files.createDirectories(work.resolve("journal/m"));
    Files.createFile(journal.resolve("system.journal"));
    assertThat(SourceSelector.resolve(config("journald.journalctl = /nonexistent/journalctl"), List.of(work.resolve("journal"))))
        .isEqualTo(SourceKind.KMSG);
  }

  @Test
  void aNamedJournalCountsAsAJournal() {
    assertThat(SourceSelector.resolve(config("journald.directory = \"" + work + "\""), List.of()))
        .isEqualTo(SourceKind.JOURNALD);
  }

  @Test
  void anExplicitSourceIsKept() {
    assertThat(SourceSelector.resolve(config("source = kmsg"), List.of())).isEqualTo(SourceKind.KMSG);
  }
}
