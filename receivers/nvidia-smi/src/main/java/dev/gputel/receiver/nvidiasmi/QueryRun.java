package dev.gputel.receiver.nvidiasmi;

import dev.gputel.gpu.GpuRow;
import dev.gputel.gpu.SmiColumns;
import dev.gputel.spi.component.Counter;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.Consumer;

/**
 * Runs one nvidia-smi query to its end on the calling thread, handing each complete sample to a
 * sink as it arrives. A watchdog kills the process tree when the run takes too long: in loop mode
 * when no sample has completed for {@code timeout} (re-armed by each sample), in one-shot mode
 * when the whole run takes longer than {@code timeout}.
 */
final class QueryRun {
  private static final Duration EXIT_WAIT = Duration.ofSeconds(5);

  private final List<String> command;
  private final List<String> fields;
  private final Duration timeout;
  private final boolean loop;
  private final ScheduledExecutorService timer;
  private final Counter linesSkipped;
  private ChildProcess child;
  private boolean stopped;
  private boolean timedOut;
  private int descendantsKilled;

  /**
   * @param fields the query's fields, in the order of {@code command}
   * @param loop whether {@code command} loops ({@code -lms}): then the timeout counts from the
   *     last sample, and rows of an unfinished sample are dropped at the end
   */
  QueryRun(List<String> command, List<String> fields, Duration timeout, boolean loop,
      ScheduledExecutorService timer, Counter linesSkipped) {
    this.command = List.copyOf(command);
    this.fields = List.copyOf(fields);
    this.timeout = timeout;
    this.loop = loop;
    this.timer = timer;
    this.linesSkipped = linesSkipped;
  }

  RunOutcome run(Consumer<Sample> sink) throws InterruptedException {
    ChildProcess started;
    try {
      started = ChildProcess.start(command);
    } catch (IOException e) {
      return new RunOutcome(RunOutcome.Ending.START_FAILED, -1, List.of(), e.getMessage(), 0, 0, 0);
    }
    synchronized (this) {
      child = started;
      if (stopped) {
        started.killTree();
      }
    }
    Watchdog watchdog = new Watchdog(timer, timeout, () -> expire(started));
    CsvStream csv = new CsvStream(SmiColumns.of(fields), linesSkipped);
    SampleAssembler assembler = new SampleAssembler(fields);
    int samples = 0;
    watchdog.arm();
    try {
      String line;
      while ((line = started.readLine()) != null) {
        GpuRow row = csv.accept(line);
        if (row == null) {
          continue;
        }
        for (Sample sample : assembler.add(row)) {
          samples++;
          if (loop) {
            watchdog.arm();
          }
          sink.accept(sample);
        }
      }
    } catch (IOException e) {
      // The pipe broke: the process is gone, which the exit code below tells.
    } catch (RuntimeException e) {
      started.killTree(); // Never leave a child behind a caller that gives up.
      throw e;
    } finally {
      watchdog.disarm();
    }
    OptionalInt exit = started.awaitExit(EXIT_WAIT);
    started.closeStdout();
    int incomplete = assembler.pendingRows();
    if (!loop && !timedOut() && exit.orElse(-1) == 0 && incomplete > 0) {
      samples++;
      incomplete = 0;
      sink.accept(assembler.flush());
    }
    List<String> output = new ArrayList<>(csv.strayLines());
    String stderr = started.stderrTail();
    if (!stderr.isEmpty()) {
      output.add(stderr);
    }
    synchronized (this) {
      return new RunOutcome(ending(exit), exit.orElse(-1), output, "", samples, incomplete, descendantsKilled);
    }
  }

  /**
   * The watchdog's action. Under the lock, so that the reader, which sees the end of stdout only
   * once the kill is under way, reads what was killed only once it is done.
   */
  private synchronized void expire(ChildProcess started) {
    timedOut = true;
    descendantsKilled = started.killTree();
  }

  private synchronized boolean timedOut() {
    return timedOut;
  }

  private synchronized RunOutcome.Ending ending(OptionalInt exit) {
    if (stopped) {
      return RunOutcome.Ending.STOPPED;
    }
    if (timedOut || exit.isEmpty()) {
      return RunOutcome.Ending.TIMED_OUT;
    }
    return RunOutcome.Ending.EXITED;
  }

  /** Kills the running process tree from another thread; {@link #run} then returns STOPPED. */
  synchronized void stop() {
    stopped = true;
    if (child != null) {
      child.killTree();
    }
  }
}
