package dev.gputel.receiver.nvidiasmi;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * How one nvidia-smi run ended.
 *
 * @param exitCode the exit code, or -1 when there is none (never started, timed out, stopped)
 * @param output the last lines of stdout that were not CSV, and stderr: nvidia-smi's error message
 * @param samples how many complete samples the run delivered
 * @param incompleteRows rows of a sample the run did not finish, dropped
 * @param descendantsKilled processes the run's nvidia-smi had started that were killed with it
 */
record RunOutcome(Ending ending, int exitCode, List<String> output, String startError, int samples,
    int incompleteRows, int descendantsKilled) {

  enum Ending { START_FAILED, EXITED, TIMED_OUT, STOPPED }

  /** Fields nvidia-smi said it does not know; only an exit code 2 run says so. */
  Set<String> invalidFields() {
    return ending == Ending.EXITED && exitCode == 2 ? InvalidFields.in(output) : Set.of();
  }

  /**
   * Returns what went wrong, if anything. A loop run should never end on its own, so its end is a
   * failure even with exit code 0; a one-shot run that exits 0 without a sample printed no GPU.
   */
  Optional<Failure> failure(String what, boolean loop, String timeout) {
    return switch (ending) {
      case STOPPED -> Optional.empty();
      case START_FAILED -> Optional.of(new Failure("start_failed", "cannot start " + what + ": " + startError));
      case TIMED_OUT -> Optional.of(new Failure("timeout", what + " delivered no sample within " + timeout
          + "; killed it" + (descendantsKilled > 0 ? " and " + descendantsKilled + " process(es) it started" : "")));
      case EXITED -> exitFailure(what, loop);
    };
  }

  private Optional<Failure> exitFailure(String what, boolean loop) {
    if (exitCode == 0 && !loop && samples > 0) {
      return Optional.empty();
    }
    String said = output.isEmpty() ? "" : ": " + abbreviate(String.join(" ", output));
    if (exitCode == 0) {
      return Optional.of(loop
          ? new Failure("ended", what + " ended (exit code 0) after " + samples + " sample(s)" + said)
          : new Failure("no_output", what + " printed no GPU rows (exit code 0)" + said));
    }
    return Optional.of(new Failure(SmiExit.of(exitCode).label(), what + " failed with "
        + SmiExit.describe(exitCode) + said));
  }

  private static String abbreviate(String text) {
    return text.length() <= 400 ? text : text.substring(0, 400) + "...";
  }

  /** A failed run: the {@code reason} label of the failure counter, and the status message. */
  record Failure(String reason, String message) {}
}
