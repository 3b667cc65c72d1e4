package dev.gputel.receiver.nvml;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gputel.spi.component.ComponentStatus;
import dev.gputel.testing.RecordingTelemetry;
import org.junit.jupiter.api.Test;

class ReceiverStatusTest {
  private final RecordingTelemetry telemetry = new RecordingTelemetry();
  private final ReceiverStatus status = new ReceiverStatus(telemetry);

  @Test
  void downWhenEitherPartIsDownWithTheReasonsOfThoseThatAre() {
    status.report("metrics", ComponentStatus.ok());
    status.report("events", ComponentStatus.down("NVML events: GPU 3: GPU is lost"));
    status.report("metrics", ComponentStatus.down("NVML: GPU 3: GPU is lost"));
    status.report("events", ComponentStatus.ok());
    status.report("metrics", ComponentStatus.ok());

    assertThat(telemetry.statuses()).containsExactly(
        ComponentStatus.ok(),
        ComponentStatus.down("NVML events: GPU 3: GPU is lost"),
        ComponentStatus.down("NVML events: GPU 3: GPU is lost; NVML: GPU 3: GPU is lost"),
        ComponentStatus.down("NVML: GPU 3: GPU is lost"),
        ComponentStatus.ok());
  }

  @Test
  void repeatingTheSameStatusReportsNothingNew() {
    status.report("events", ComponentStatus.ok());
    status.report("metrics", ComponentStatus.ok());
    status.report("events", ComponentStatus.ok());

    assertThat(telemetry.statuses()).containsExactly(ComponentStatus.ok());
  }
}
