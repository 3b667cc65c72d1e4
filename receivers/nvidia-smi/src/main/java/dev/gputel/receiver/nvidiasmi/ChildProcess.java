package dev.gputel.receiver.nvidiasmi;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;

/** One started nvidia-smi: its stdout as lines, the tail of its stderr, and a way to kill it all. */
final class ChildProcess {
  private final Process process;
  private final BufferedReader stdout;
  private final OutputTail stderr;

  private ChildProcess(Process process) {
    this.process = process;
    this.stdout = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.stderr = new OutputTail(process.getErrorStream(), "gputel-nvidia-smi-stderr-" + process.pid());
  }

  /** Starts {@code command} with stdin closed; stdout and stderr are read separately. */
  static ChildProcess start(List<String> command) throws IOException {
    Process process = new ProcessBuilder(command).start();
    process.getOutputStream().close(); // nvidia-smi reads nothing; let it see end of input at once.
    return new ChildProcess(process);
  }

  long pid() {
    return process.pid();
  }

  /** Returns the next line of stdout, or null at its end (the process and its children are gone). */
  String readLine() throws IOException {
    return stdout.readLine();
  }

  /** Kills the process and every descendant; returns how many descendants were killed. */
  int killTree() {
    return ProcessTree.killForcibly(process.toHandle());
  }

  /** Waits for the exit code; kills the tree and returns empty if it does not come in time. */
  OptionalInt awaitExit(Duration timeout) throws InterruptedException {
    if (process.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
      return OptionalInt.of(process.exitValue());
    }
    killTree();
    return OptionalInt.empty();
  }

  String stderrTail() {
    return stderr.text();
  }

  /** Closes our end of stdout; called once the run is over. */
  void closeStdout() {
    try {
      stdout.close();
    } catch (IOException e) {
      // Nothing left to read either way.
    }
  }
}
