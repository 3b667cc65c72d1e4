package dev.gputel.receiver.nvidiasmi;

import dev.gputel.spi.component.ComponentStatus;
import dev.gputel.spi.component.Telemetry;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Reports how a query's runs go: a failure counter labelled by reason, and either the component
 * status (down with the reason, up again at the next sample; the runtime logs each change) for the
 * query that owns it, or, for the others, a log line when the situation changes rather than at
 * every retry.
 */
final class RunReporter {
  private final Telemetry telemetry;
  private final Logger log;
  private final String counter;
  private final String what;
  private final boolean ownsStatus;
  private String lastReason;
  private boolean delivering;

  /**
   * @param counter the failure counter's name
   * @param what the query, for messages
   * @param ownsStatus whether this query's health is the component's status
   */
  RunReporter(Telemetry telemetry, Logger log, String counter, String what, boolean ownsStatus) {
    this.telemetry = telemetry;
    this.log = log;
    this.counter = counter;
    this.what = what;
    this.ownsStatus = ownsStatus;
  }

  /** A sample arrived: the query works (again). */
  synchronized void delivered() {
    if (delivering) {
      return;
    }
    delivering = true;
    if (ownsStatus) {
      telemetry.reportStatus(ComponentStatus.ok());
    }
    if (lastReason != null && !ownsStatus) {
      log.info("{} delivers samples again", what);
    }
    lastReason = null;
  }

  /** A run failed; the next attempt comes in {@code retryIn}. */
  synchronized void failed(RunOutcome.Failure failure, String retryIn) {
    delivering = false;
    telemetry.counter(counter, "nvidia-smi runs that failed, by reason", Map.of("reason", failure.reason()))
        .increment();
    if (ownsStatus) {
      telemetry.reportStatus(ComponentStatus.down(failure.message()));
    }
    if (ownsStatus || failure.reason().equals(lastReason)) {
      log.debug("{}; retrying in {}", failure.message(), retryIn);
    } else {
      log.warn("{}; retrying in {}", failure.message(), retryIn);
    }
    lastReason = failure.reason();
  }
}
