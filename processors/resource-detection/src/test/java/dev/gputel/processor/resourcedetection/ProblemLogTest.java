package dev.gputel.processor.resourcedetection;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.gputel.spi.component.ComponentId;
import dev.gputel.spi.component.ComponentKind;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.ComponentStatus;
import dev.gputel.spi.data.Attributes;
import dev.gputel.testing.ManualClock;
import dev.gputel.testing.RecordingTelemetry;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ProblemLogTest {
  private final RecordingTelemetry telemetry = new RecordingTelemetry();
  private final ComponentSettings settings = new ComponentSettings(
      new ComponentId(ComponentKind.PROCESSOR, "resource-detection", "problems"), telemetry,
      ManualClock.atFixedStart(), Path.of("."), "test");
  private final ListAppender<ILoggingEvent> logged = new ListAppender<>();
  private Logger logger;

  @BeforeEach
  void capture() {
    logger = (Logger) LoggerFactory.getLogger(settings.logger().getName());
    logger.setLevel(Level.DEBUG);
    logged.start();
    logger.addAppender(logged);
  }

  @AfterEach
  void release() {
    logger.detachAppender(logged);
  }

  private static Detection failed(String reason) {
    return new Detection(Attributes.empty(), Map.of(), Map.of(DetectorType.EC2, reason), List.of());
  }

  private List<String> at(Level level) {
    return logged.list.stream().filter(e -> e.getLevel() == level).map(ILoggingEvent::getFormattedMessage).toList();
  }

  @Test
  void aFailureIsAWarningOnceThenOnlyCounted() {
    ProblemLog problems = new ProblemLog(settings);

    problems.report(failed("connection refused"));
    problems.report(failed("connection refused"));
    problems.report(failed("connection refused"));

    assertThat(at(Level.WARN)).singleElement().asString().contains("ec2 metadata not available")
        .endsWith("connection refused");
    assertThat(telemetry.count("detection_failures", Map.of("detector", "ec2"))).isEqualTo(3);
    assertThat(telemetry.statuses()).containsOnly(ComponentStatus.down("ec2: connection refused"));
  }

  @Test
  void aNewReasonIsANewWarningAndARecoveryIsSaid() {
    ProblemLog problems = new ProblemLog(settings);

    problems.report(failed("connection refused"));
    problems.report(failed("answered HTTP 500"));
    problems.report(Detection.none());

    assertThat(at(Level.WARN)).hasSize(2);
    assertThat(at(Level.INFO)).containsExactly("ec2 metadata available again");
    assertThat(telemetry.statuses()).last().isEqualTo(ComponentStatus.ok());
  }

  @Test
  void aNoteIsAWarningOnce() {
    ProblemLog problems = new ProblemLog(settings);
    Detection noted = new Detection(Attributes.empty(), Map.of(), Map.of(), List.of("ec2: tags are off"));

    problems.report(noted);
    problems.report(noted);

    assertThat(at(Level.WARN)).containsExactly("ec2: tags are off");
  }
}
