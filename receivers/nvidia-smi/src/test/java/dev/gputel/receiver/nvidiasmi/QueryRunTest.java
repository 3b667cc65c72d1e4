package dev.gputel.receiver.nvidiasmi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.gpu.SmiColumns;
import dev.gputel.testing.RecordingTelemetry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One run of a real process whose stdout is a real capture. */
class QueryRunTest {
  @TempDir Path directory;
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
  private final RecordingTelemetry telemetry = new RecordingTelemetry();

  @AfterEach
  void stopTimer() {
    timer.shutdownNow();
  }

  @Test
  void aLoopStreamOfThreeGpusGivesOneSamplePerIterationAndDropsTheUnfinishedOne() throws Exception {
    Path quoted = Captures.QUOTED.resolve("a100-sxm4-40gb-x3__545.23.08__loop.csv");
    String header = Captures.lines(quoted.resolveSibling("a100-sxm4-40gb-x3__545.23.08__loop.header")).getFirst();
    Path stream = Files.write(directory.resolve("stream.csv"),
        concat(List.of(header), Captures.lines(quoted)));
    List<Sample> samples = new ArrayList<>();

    RunOutcome outcome = run(List.of("cat", stream.toString()), SmiColumns.ofHeader(header).fields(), true, samples);

    assertThat(samples).hasSize(2).allSatisfy(sample -> assertThat(sample.rows()).hasSize(3));
    assertThat(outcome.incompleteRows()).isEqualTo(2);
    assertThat(outcome.ending()).isEqualTo(RunOutcome.Ending.EXITED);
    assertThat(outcome.failure("cat", true, "1s")).get().extracting(RunOutcome.Failure::reason).isEqualTo("ended");
  }

  @Test
  void aOneShotRunDeliversItsRowsAtItsEnd() throws Exception {
    List<String> lines = Captures.lines(Captures.H100_LOAD);
    List<Sample> samples = new ArrayList<>();

    RunOutcome outcome = run(List.of("cat", Captures.H100_LOAD.toString()),
        SmiColumns.ofHeader(lines.getFirst()).fields(), false, samples);

    assertThat(samples).hasSize(1);
    assertThat(samples.getFirst().rows().getFirst().attributes().asMap()).containsEntry("hw.model", "NVIDIA H100 80GB HBM3");
    assertThat(outcome.failure("cat", false, "1s")).isEmpty();
    assertThat(telemetry.count("lines_skipped")).isZero();
  }

  @Test
  void aCommandThatCannotStartSaysWhy() throws Exception {
    RunOutcome outcome = run(List.of(directory.resolve("missing").toString()), List.of("index"), false, new ArrayList<>());

    assertThat(outcome.ending()).isEqualTo(RunOutcome.Ending.START_FAILED);
    assertThat(outcome.failure("nvidia-smi", false, "1s")).get().extracting(RunOutcome.Failure::message)
        .asString().startsWith("cannot start nvidia-smi: ").contains("missing");
  }

  private RunOutcome run(List<String> command, List<String> fields, boolean loop, List<Sample> samples)
      throws InterruptedException {
    return new QueryRun(command, fields, Duration.ofSeconds(10), loop, timer, telemetry.counter("lines_skipped", ""))
        .run(samples::add);
  }

  private static List<String> concat(List<String> a, List<String> b) {
    List<String> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
