package dev.gputel.receiver.kernellog;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The journalctl command line that follows kernel messages from a position.
 *
 * <p>Two journalctl defaults would lose lines and are overridden: {@code --follow} alone shows only
 * the last 10 entries ({@code --no-tail} shows all after the start point), and {@code --follow}
 * alone implies {@code --boot}, the current boot only, so resuming from a cursor of the boot
 * before a reboot would skip that boot's last lines ({@code --merge} lifts it). {@code --merge}
 * also merges journals of other machines kept on this host, so the system journal is matched on
 * this machine's id. Only {@code start-at = boot} without a cursor keeps {@code --boot} (journalctl
 * refuses it with {@code --merge}); the first accepted line gives a cursor, and from then on the
 * boot limit is gone.
 */
final class JournalctlCommand {
  /** The fields the receiver reads; journalctl adds __CURSOR and the timestamps itself. */
  static final String OUTPUT_FIELDS = "MESSAGE,PRIORITY,_BOOT_ID,_HOSTNAME,_SOURCE_MONOTONIC_TIMESTAMP";

  private JournalctlCommand() {}

  /**
   * @param grep the PCRE2 pattern for --grep, or null to print every kernel entry
   * @param afterCursor resume after this cursor; null begins at {@code config.startAt()}
   * @param machineId this machine's id, or null when unknown
   * @param killWithParent setpriv, to make journalctl die with the agent even on SIGKILL; or null
   */
  static List<String> build(Path journalctl, JournaldConfig config, String grep, String afterCursor,
      String machineId, Path killWithParent) {
    List<String> command = new ArrayList<>();
    if (killWithParent != null) {
      command.addAll(List.of(killWithParent.toString(), "--pdeathsig", "KILL", "--"));
    }
    command.addAll(List.of(journalctl.toString(), "--output=json", "--output-fields=" + OUTPUT_FIELDS,
        "--all", "--no-pager", "--quiet", "--follow"));
    boolean currentBoot = afterCursor == null && config.startAt() == StartAt.BOOT;
    if (!currentBoot) {
      command.add("--merge"); // journalctl refuses --boot with --merge
    }
    if (config.directory() != null) {
      command.add("--directory=" + config.directory());
    }
    for (String file : config.files()) {
      command.add("--file=" + file);
    }
    if (config.namespace() != null) {
      command.add("--namespace=" + config.namespace());
    }
    if (afterCursor != null) {
      command.addAll(List.of("--after-cursor=" + afterCursor, "--no-tail"));
    } else {
      switch (config.startAt()) {
        case BOOT -> command.addAll(List.of("--boot", "--no-tail"));
        case END -> command.add("--lines=0");
        case ALL -> command.add("--no-tail");
      }
    }
    if (grep != null) {
      command.addAll(List.of("--grep=" + grep, "--case-sensitive=true"));
    }
    command.add("_TRANSPORT=kernel");
    if (machineId != null && !currentBoot && !config.namesAJournal()) {
      command.add("_MACHINE_ID=" + machineId);
    }
    return command;
  }
}
