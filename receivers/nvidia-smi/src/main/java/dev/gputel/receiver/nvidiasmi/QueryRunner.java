package dev.gputel.receiver.nvidiasmi;

import dev.gputel.spi.component.Counter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;

/**
 * One attempt at a query: find nvidia-smi (again: it may have been installed since), run it with a
 * watchdog, and when it names fields it does not know, drop them so the caller can ask again.
 */
final class QueryRunner {
  /** How an attempt ended. */
  record Attempt(Kind kind, RunOutcome.Failure failure) {
    enum Kind { OK, RETRY_NOW, FAILED, STOPPED }

    static final Attempt OK = new Attempt(Kind.OK, null);
    static final Attempt RETRY_NOW = new Attempt(Kind.RETRY_NOW, null);
    static final Attempt STOPPED = new Attempt(Kind.STOPPED, null);

    static Attempt failed(RunOutcome.Failure failure) {
      return new Attempt(Kind.FAILED, failure);
    }
  }

  /** What a runner needs besides its plan; shared by the receiver's queries. */
  record Tools(BinaryLocator locator, ScheduledExecutorService timer, Counter linesSkipped,
      Counter fieldsDropped, Counter samplesIncomplete, Logger log) {}

  private final QueryPlan plan;
  private final BiFunction<Path, List<String>, List<String>> command;
  private final Duration timeout;
  private final boolean loop;
  private final Tools tools;
  private volatile QueryRun current;
  private volatile boolean stopping;

  /**
   * @param command builds the command line from the binary and the plan's current fields
   * @param loop whether the command loops: then {@code timeout} is the watchdog's, counted from
   *     the last sample, else it bounds the whole run
   */
  QueryRunner(QueryPlan plan, BiFunction<Path, List<String>, List<String>> command, Duration timeout,
      boolean loop, Tools tools) {
    this.plan = plan;
    this.command = command;
    this.timeout = timeout;
    this.loop = loop;
    this.tools = tools;
  }

  Attempt attempt(Consumer<Sample> sink) throws InterruptedException {
    if (stopping) {
      return Attempt.STOPPED;
    }
    Optional<Path> binary = tools.locator().locate();
    if (binary.isEmpty()) {
      return Attempt.failed(new RunOutcome.Failure("binary_not_found",
          "nvidia-smi not found: looked for " + tools.locator().describeSearch()));
    }
    List<String> fields = plan.fields();
    QueryRun run = new QueryRun(command.apply(binary.get(), fields), fields, timeout, loop, tools.timer(),
        tools.linesSkipped());
    current = run;
    if (stopping) {
      run.stop();
    }
    RunOutcome outcome = run.run(sink);
    current = null;
    if (outcome.incompleteRows() > 0) {
      tools.samplesIncomplete().increment();
    }
    if (outcome.ending() == RunOutcome.Ending.STOPPED) {
      return Attempt.STOPPED;
    }
    Set<String> unknown = outcome.invalidFields();
    List<String> dropped = unknown.isEmpty() ? List.of() : plan.drop(unknown);
    if (!dropped.isEmpty()) {
      tools.fieldsDropped().add(dropped.size());
      tools.log().warn("{} does not know {} field(s) {}; asking again without them",
          binary.get(), plan.name(), dropped.stream().map(f -> "\"" + f + "\"").collect(Collectors.joining(", ")));
      return Attempt.RETRY_NOW;
    }
    String what = "nvidia-smi " + plan.name();
    return outcome.failure(what, loop, Durations.format(timeout)).map(Attempt::failed).orElse(Attempt.OK);
  }

  /** Kills the run in progress, if any; later attempts return STOPPED at once. */
  void stop() {
    stopping = true;
    QueryRun run = current;
    if (run != null) {
      run.stop();
    }
  }
}
