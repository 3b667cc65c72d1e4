package dev.gputel.runtime.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.gputel.runtime.testcomponents.TestComponents;
import dev.gputel.spi.component.ComponentId;
import dev.gputel.spi.component.ComponentKind;
import dev.gputel.spi.data.Signal;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConfigValidatorTest {
  private final TestComponents components = new TestComponents();

  @Test
  void reportsEveryProblemAtOnceWithFileAndLine() throws Exception {
    Path file = testdata("four-problems.conf");

    ConfigProblems problems = catchThrowableOfType(ConfigProblems.class,
        () -> components.validate(ConfigFiles.load(file, Map.of())));

    assertThat(problems.problems()).extracting(ConfigProblem::toString).containsExactlyInAnyOrder(
        file + ":5: gputel.receivers.test-source.intervall: unknown key (did you mean 'interval'?)",
        file + ":7: gputel.receivers.nvml: unknown receiver type 'nvml'; known: test-source",
        file + ":11: gputel.exporters.recording.retry.initial-interval: Could not parse duration number 'ten' "
            + "(write a number and a unit, as in 10s, 500ms, 5m)",
        file + ":15: gputel.pipelines.metrics.exporters: pipeline 'metrics' names exporter 'cloudwatch', "
            + "which is not defined under gputel.exporters");
  }

  @Test
  void validConfigurationGivesPipelinesAndEffectiveDefaults() throws Exception {
    AgentSpec spec = components.validate(ConfigFiles.load(testdata("valid.conf"), Map.of("TAG_VALUE", "from-env")));

    assertThat(spec.pipelines()).extracting(PipelineSpec::id, PipelineSpec::signal)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("metrics", Signal.METRICS),
            org.assertj.core.groups.Tuple.tuple("events/audit", Signal.EVENTS));
    assertThat(spec.pipelines().getFirst().receivers()).containsExactly(
        new ComponentId(ComponentKind.RECEIVER, "test-source", ""),
        new ComponentId(ComponentKind.RECEIVER, "test-source", "fast"));
    assertThat(spec.service().admin().enabled()).isFalse();
    assertThat(spec.service().shutdownTimeout()).isEqualTo(Duration.ofSeconds(30));

    var effective = spec.effective();
    assertThat(effective.getString("gputel.processors.tag.value")).isEqualTo("from-env");
    assertThat(effective.getString("gputel.processors.tag.key")).isEqualTo("test.tag");
    assertThat(effective.getInt("gputel.exporters.recording.queue.size")).isEqualTo(10);
    assertThat(effective.getInt("gputel.exporters.recording.queue.workers")).isEqualTo(1);
    assertThat(effective.getBoolean("gputel.exporters.\"recording/spooled\".spool.enabled")).isTrue();
    assertThat(effective.getDuration("gputel.receivers.\"test-source/fast\".interval"))
        .isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void optionalEnvironmentOverrideFallsBackToDefaultWhenUnset() throws Exception {
    AgentSpec spec = components.validate(ConfigFiles.load(testdata("valid.conf"), Map.of()));

    assertThat(spec.effective().getString("gputel.processors.tag.value")).isEqualTo("tagged");
  }

  @Test
  void anEnvironmentVariableChoosesAPipelinesComponentsAsACommaSeparatedString() throws Exception {
    Path file = testdata("exporters-from-env.conf");

    AgentSpec unset = components.validate(ConfigFiles.load(file, Map.of()));
    AgentSpec set = components.validate(
        ConfigFiles.load(file, Map.of("TEST_EXPORTERS", " recording/second, recording ,")));

    assertThat(unset.pipelines().getFirst().exporters()).extracting(ComponentId::toString)
        .containsExactly("recording");
    assertThat(set.pipelines().getFirst().exporters()).extracting(ComponentId::toString)
        .containsExactly("recording/second", "recording");
  }

  @Test
  void aMisspeltNameInACommaSeparatedStringIsReportedWithTheVariable() throws Exception {
    Path file = testdata("exporters-from-env.conf");

    ConfigProblems problems = catchThrowableOfType(ConfigProblems.class, () -> components.validate(
        ConfigFiles.load(file, Map.of("TEST_EXPORTERS", "recording,recordng"))));

    assertThat(problems.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.path()).isEqualTo("gputel.pipelines.metrics.exporters");
      assertThat(problem.toString()).contains("TEST_EXPORTERS")
          .contains("names exporter 'recordng', which is not defined under gputel.exporters");
    });
  }

  @Test
  void includesAreResolvedRelativeToTheIncludingFile() throws Exception {
    AgentSpec spec = components.validate(ConfigFiles.load(testdata("with-include.conf"), Map.of()));

    assertThat(spec.effective().getInt("gputel.exporters.recording.queue.workers")).isEqualTo(2);
  }

  @Test
  void syntaxErrorNamesFileAndLine() throws Exception {
    Path file = testdata("syntax-error.conf");

    ConfigProblems problems = catchThrowableOfType(ConfigProblems.class, () -> ConfigFiles.load(file, Map.of()));

    assertThat(problems.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.location()).isEqualTo(file + ":5");
      assertThat(problem.message()).contains("end of file");
    });
  }

  @Test
  void missingFileIsOneClearProblem() {
    ConfigProblems problems = catchThrowableOfType(ConfigProblems.class,
        () -> ConfigFiles.load(Path.of("no/such/gputel.conf"), Map.of()));

    assertThat(problems.getMessage()).contains("no/such/gputel.conf: no such configuration file");
  }

  @Test
  void structureProblemsAreAllReported() throws Exception {
    Path file = testdata("structure-problems.conf");

    ConfigProblems problems = catchThrowableOfType(ConfigProblems.class,
        () -> components.validate(ConfigFiles.load(file, Map.of())));

    List<String> reported = problems.problems().stream().map(ConfigProblem::toString).toList();
    assertThat(reported).contains(
        file + ":1: gputl: unknown top-level key: everything gputel reads is inside gputel { } (did you mean 'gputel'?)",
        file + ":3: gputel.recievers: unknown section (did you mean 'receivers'?)",
        file + ":4: gputel.receivers.test-source: expected an object { ... }",
        file + ":5: gputel.exporters.recording.queue.size: must be at least 1",
        file + ":7: gputel.pipelines.events.exporters: exporter 'metrics-only' does not support events (it supports [metrics])",
        file + ":7: gputel.pipelines.events.exporters: 'recording' is listed twice",
        file + ":8: gputel.pipelines.traces: a pipeline is named after its signal: metrics, events, metrics/<name> or events/<name>",
        file + ":9: gputel.pipelines.\"metrics/empty\".receivers: a pipeline needs at least one receiver",
        file + ":9: gputel.pipelines.\"metrics/empty\".exporters: a pipeline needs at least one exporter");
  }

  @Test
  void configurationWithoutPipelinesIsRejected() {
    ConfigProblems problems = catchThrowableOfType(ConfigProblems.class,
        () -> components.validate("gputel { receivers { test-source {} } }"));

    assertThat(problems.getMessage()).contains("gputel.pipelines: no pipelines");
  }

  @Test
  void wrongValueTypeIsReportedByTheReader() {
    ConfigProblems problems = catchThrowableOfType(ConfigProblems.class, () -> components.validate("""
        gputel {
          receivers { test-source { interval = [1, 2] } }
          exporters { recording { } }
          pipelines { metrics { receivers = [test-source], exporters = [recording] } }
        }
        """));

    assertThat(problems.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.path()).isEqualTo("gputel.receivers.test-source.interval");
      assertThat(problem.message()).isEqualTo("has type LIST rather than STRING");
    });
  }

  private static Path testdata(String name) throws URISyntaxException {
    return Path.of(ConfigValidatorTest.class.getResource("/testdata/config/" + name).toURI());
  }
}
