package dev.gputel.distribution;

import dev.gputel.testing.AgentProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs a command chrooted into a {@link HostRoot} that borrows this machine's programs: in a
 * private mount namespace ({@code unshare --mount}, nothing leaks out), {@code /usr} is bound
 * read-only, {@code /bin}, {@code /lib}... mirror the host's (links when usr-merged, else read-only
 * binds), {@code /proc} is mounted and {@code /dev} gets the four nodes a JVM opens. The root's
 * own {@code /etc}, {@code /opt} and {@code /var} are what the command sees and changes. No
 * systemd runs in it, so install.sh takes its live-host path (root = /) without starting anything.
 */
final class Chroot {
  private static final String SETUP = """
      set -eu
      r=$1
      shift
      mount --bind /usr "$r/usr"
      mount -o remount,bind,ro "$r/usr"
      for d in bin sbin lib lib32 lib64 libx32; do
        if [ -h "/$d" ]; then
          [ -e "$r/$d" ] || [ -h "$r/$d" ] || ln -s "$(readlink "/$d")" "$r/$d"
        elif [ -d "/$d" ]; then
          mkdir -p "$r/$d"
          mount --bind "/$d" "$r/$d"
          mount -o remount,bind,ro "$r/$d"
        fi
      done
      mkdir -p "$r/proc" "$r/dev" "$r/tmp"
      chmod 1777 "$r/tmp"
      mount -t proc proc "$r/proc"
      for node in null:3 zero:5 random:8 urandom:9; do
        [ -e "$r/dev/${node%%:*}" ] || mknod -m 666 "$r/dev/${node%%:*}" c 1 "${node#*:}"
      done
      exec chroot "$r" "$@"
      """;

  private Chroot() {}

  /** Starts {@code command} (paths as seen inside the root) with exactly {@code environment}. */
  static AgentProcess launch(HostRoot root, Path work, Map<String, String> environment, List<String> command)
      throws IOException {
    List<String> all = new ArrayList<>(List.of("unshare", "--mount", "--propagation", "private",
        "sh", "-c", SETUP, "chroot-setup", root.dir().toString()));
    all.addAll(command);
    return AgentProcess.launch(all, work, environment);
  }

  /** Whether any mount of this process's namespace lies under the root (none should, ever). */
  static List<String> mountsUnder(Path dir) throws IOException {
    return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
        .map(line -> line.split(" ")[4]).filter(point -> point.startsWith(dir.toString())).toList();
  }
}
