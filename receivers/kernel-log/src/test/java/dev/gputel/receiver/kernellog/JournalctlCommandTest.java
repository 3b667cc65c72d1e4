package dev.gputel.receiver.kernellog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JournalctlCommandTest {
  private static final Path JOURNALCTL = Path.of("/usr/bin/journalctl");
  private static final String MACHINE = "0123456789abcdef0123456789abcdef";

  private static JournaldConfig config(Path directory, StartAt startAt) {
    return new JournaldConfig("journalctl", directory, List.of(), null, startAt, true);
  }

  @Test
  void resumesAfterTheCursorOverAllBootsOfThisMachine() {
    List<String> command = JournalctlCommand.build(JOURNALCTL, config(null, StartAt.BOOT), "NVRM:", "s=1;i=2",
        MACHINE, Path.of("/usr/bin/setpriv"));
    assertThat(command).containsExactly("/usr/bin/setpriv", "--pdeathsig", "KILL", "--", "/usr/bin/journalctl",
        "--output=json", "--output-fields=" + JournalctlCommand.OUTPUT_FIELDS, "--all", "--no-pager", "--quiet",
        "--follow", "--merge", "--after-cursor=s=1;i=2", "--no-tail", "--grep=NVRM:", "--case-sensitive=true",
        "_TRANSPORT=kernel", "_MACHINE_ID=" + MACHINE);
  }

  @Test
  void startsAtTheCurrentBootWithoutMerge() {
    List<String> command = JournalctlCommand.build(JOURNALCTL, config(null, StartAt.BOOT), null, null, MACHINE, null);
    assertThat(command).contains("--boot", "--no-tail").doesNotContain("--merge", "_MACHINE_ID=" + MACHINE)
        .noneMatch(arg -> arg.startsWith("--grep"));
    assertThat(command.getFirst()).isEqualTo("/usr/bin/journalctl");
  }

  @Test
  void aNamedDirectoryIsReadAsItIsAtItsEndOrWhole() {
    List<String> end = JournalctlCommand.build(JOURNALCTL, config(Path.of("/j"), StartAt.END), null, null, MACHINE, null);
    assertThat(end).contains("--directory=/j", "--lines=0", "--merge").doesNotContain("--no-tail", "_MACHINE_ID=" + MACHINE);
    List<String> all = JournalctlCommand.build(JOURNALCTL, config(Path.of("/j"), StartAt.ALL), null, null, MACHINE, null);
    assertThat(all).contains("--no-tail").doesNotContain("--boot", "--lines=0");
  }
}
