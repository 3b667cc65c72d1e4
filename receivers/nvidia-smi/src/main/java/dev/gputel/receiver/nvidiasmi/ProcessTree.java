package dev.gputel.receiver.nvidiasmi;

import java.util.List;

/**
 * Kills a process with everything it started. A hung nvidia-smi may have children that hold its
 * stdout open; killing only the parent would leave them running and the pipe would never close.
 */
final class ProcessTree {
  private ProcessTree() {}

  /**
   * Kills {@code root} and its descendants with SIGKILL; returns how many descendants there were.
   * The descendants are listed before the root dies, because an orphan is re-parented and can no
   * longer be found from it.
   */
  static int killForcibly(ProcessHandle root) {
    List<ProcessHandle> descendants = root.descendants().toList();
    root.destroyForcibly();
    for (ProcessHandle descendant : descendants) {
      // Its own children, listed before it dies, in case it forked after the first listing.
      List<ProcessHandle> late = descendant.descendants().toList();
      descendant.destroyForcibly();
      late.forEach(ProcessHandle::destroyForcibly);
    }
    return descendants.size();
  }
}
