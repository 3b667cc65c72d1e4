package dev.gputel.receiver.kernellog;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;

/**
 * Drains a child process's standard error on its own thread (a full pipe would stall the child)
 * and keeps the last few lines to say why the child exited. Until the child is known to run, its
 * lines go to the debug log only: a child that fails at once is reported through the receiver's
 * status instead, which would otherwise repeat them at every retry.
 */
final class ProcessErrors {
  private static final int KEPT = 5;

  private final Deque<String> last = new ArrayDeque<>();
  private final Thread thread;
  private final String program;
  private final Logger log;
  private boolean running;

  ProcessErrors(InputStream stderr, String program, Logger log) {
    this.program = program;
    this.log = log;
    thread = Thread.ofPlatform().daemon().name("gputel-" + program + "-stderr").start(() -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          synchronized (last) {
            if (running) {
              log.warn("{}: {}", program, line);
            } else {
              log.debug("{}: {}", program, line);
            }
            if (last.size() == KEPT) {
              last.removeFirst();
            }
            last.addLast(line);
          }
        }
      } catch (IOException closed) {
        // The process is gone and its pipe closed; nothing more to say.
      }
    });
  }

  /** From now on the child counts as running: what it says is logged as a warning, and so is what it said. */
  void running() {
    synchronized (last) {
      running = true;
      last.forEach(line -> log.warn("{}: {}", program, line));
    }
  }

  /** Waits briefly for the rest of the output (the process has exited), then returns the last lines. */
  String lastLines() throws InterruptedException {
    thread.join(1000);
    synchronized (last) {
      return String.join(" / ", last);
    }
  }

}
