package dev.gputel.receiver.kernellog;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import dev.gputel.spi.component.ComponentId;
import dev.gputel.spi.component.ComponentKind;
import dev.gputel.spi.component.ComponentSettings;
import dev.gputel.spi.component.ComponentStatus;
import dev.gputel.spi.consumer.Consumers;
import dev.gputel.testing.RecordingTelemetry;
import dev.gputel.testing.TestHost;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** A kernel-log receiver started for a test on a configuration body (HOCON) over its defaults. */
final class RunningReceiver implements AutoCloseable {
  static final Duration WAIT = Duration.ofSeconds(30);

  final RecordingTelemetry telemetry = new RecordingTelemetry();
  final GateSink sink;
  final KernelLogReceiver receiver;

  private RunningReceiver(Path stateDirectory, String body, GateSink sink, Clock clock, List<Path> systemJournals)
      throws Exception {
    this.sink = sink;
    Config config = ConfigFactory.parseString(body)
        .withFallback(ConfigFactory.parseString("retry { initial-interval = 50ms, max-interval = 200ms }"))
        .withFallback(ConfigFactory.defaultReference().getConfig("gputel.receivers.kernel-log"))
        .resolve();
    ComponentSettings settings = new ComponentSettings(new ComponentId(ComponentKind.RECEIVER, "kernel-log", ""),
        telemetry, clock, stateDirectory, "test");
    receiver = new KernelLogReceiver(KernelLogConfig.from(config), settings,
        new Consumers(batch -> {}, sink), systemJournals);
    receiver.start(new TestHost());
  }

  static RunningReceiver start(Path stateDirectory, String body) throws Exception {
    return start(stateDirectory, body, new GateSink());
  }

  static RunningReceiver start(Path stateDirectory, String body, GateSink sink) throws Exception {
    return new RunningReceiver(stateDirectory, body, sink, Clock.systemUTC(), SourceSelector.SYSTEM_JOURNALS);
  }

  static RunningReceiver start(Path stateDirectory, String body, Clock clock, List<Path> systemJournals)
      throws Exception {
    return new RunningReceiver(stateDirectory, body, new GateSink(), clock, systemJournals);
  }

  ComponentStatus awaitUp() throws Exception {
    return telemetry.awaitStatus(ComponentStatus::up, WAIT);
  }

  @Override
  public void close() {
    receiver.shutdown();
  }
}
