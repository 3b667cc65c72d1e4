package dev.gputel.receiver.nvml;

import dev.gputel.gpu.GpuIdentityField;
import dev.gputel.spi.component.ComponentStatus;
import dev.gputel.spi.component.Counter;
import dev.gputel.spi.component.RestartBackoff;
import dev.gputel.spi.component.Telemetry;
import dev.gputel.spi.data.MetricBatch;
import dev.gputel.spi.data.MetricPoint;
import dev.gputel.spi.data.Resource;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * The receiver's state: NVML initialised or not, the GPUs it reads, and when to initialise again.
 * A lifecycle error (library missing, driver not loaded, GPU lost) is counted and reported as the
 * receiver's status, and NVML is initialised again with exponential backoff; a lost GPU is left out
 * meanwhile and the others keep reporting. Not thread-safe: one thread calls everything.
 */
final class NvmlCollector implements AutoCloseable {
  private final NvmlConfig config;
  private final List<Wanted> wanted;
  private final Clock clock;
  private final Telemetry telemetry;
  private final Consumer<ComponentStatus> reportTo;
  private final Logger log;
  private final RestartBackoff backoff;
  private final ReadOutcomes outcomes;
  private final Counter initAttempts;
  private final Map<NvmlReturn, Counter> lifecycleErrors = new EnumMap<>(NvmlReturn.class);
  private final List<GpuReader> reading = new ArrayList<>();
  private final List<String> problems = new ArrayList<>();
  private NvmlSession session;
  private String sessionProblem = "NVML: not initialised yet";
  private Instant nextAttempt;
  private ComponentStatus reported;
  private int expectedPoints;
  private volatile int gpusReporting;

  NvmlCollector(NvmlConfig config, List<Wanted> wanted, Clock clock, Telemetry telemetry, Logger log) {
    this(config, wanted, clock, telemetry, telemetry::reportStatus, log);
  }

  /** A collector whose status goes to {@code status} (the receiver's, shared with its event watcher). */
  NvmlCollector(NvmlConfig config, List<Wanted> wanted, Clock clock, Telemetry telemetry,
      Consumer<ComponentStatus> status, Logger log) {
    this.config = config;
    this.reportTo = status;
    this.wanted = List.copyOf(wanted);
    this.clock = clock;
    this.telemetry = telemetry;
    this.log = log;
    this.backoff = new RestartBackoff(config.reinitInitialBackoff(), config.reinitMaxBackoff());
    this.outcomes = new ReadOutcomes(telemetry, log);
    this.initAttempts = telemetry.counter("init_attempts", "Times NVML was loaded and initialised, first time included");
    telemetry.gauge("gpus", "GPUs read at the last collection", () -> gpusReporting);
    telemetry.gauge("reads_not_supported",
        "Reads GPUs said they will never answer (NOT_SUPPORTED...), no longer asked", outcomes::dropped);
    this.nextAttempt = clock.instant();
  }

  /** Initialises NVML when that is due: at first, and after a lifecycle error once its backoff has passed. */
  void initialiseIfDue() {
    Instant now = clock.instant();
    if (nextAttempt == null || now.isBefore(nextAttempt)) {
      return;
    }
    closeSession();
    outcomes.reset();
    initAttempts.increment();
    try {
      session = NvmlSession.open(config.library(), wanted, outcomes, log);
    } catch (NvmlUnavailableException e) {
      lifecycleError(e.code());
      sessionProblem = "NVML: " + e.getMessage();
      nextAttempt = now.plus(backoff.next());
      log.debug("{}; next attempt at {}", sessionProblem, nextAttempt);
      report();
      return;
    }
    reading.addAll(session.gpus());
    for (NvmlSession.MissingGpu gpu : session.missing()) {
      lifecycleError(gpu.code());
      problems.add("GPU " + gpu.index() + ": " + gpu.reason());
    }
    if (session.gpus().isEmpty() && problems.isEmpty()) {
      problems.add("no GPUs found");
    }
    log.info("NVML initialised: {} of {} GPUs readable, {} metrics each", reading.size(),
        reading.size() + session.missing().size(), wanted.size());
    if (problems.isEmpty()) {
      backoff.reset();
      nextAttempt = null;
    } else {
      nextAttempt = now.plus(backoff.next());
    }
    report();
  }

  /** Reads every readable GPU; returns the batch, or null when there is nothing to send. */
  MetricBatch collect() {
    if (session == null) {
      gpusReporting = 0;
      return null;
    }
    Instant now = clock.instant();
    List<MetricPoint> points = new ArrayList<>(expectedPoints);
    for (int g = 0; g < reading.size(); g++) {
      GpuReader gpu = reading.get(g);
      NvmlReturn code = gpu.collect(now, points);
      if (code == null) {
        continue;
      }
      lifecycleError(code);
      if (nextAttempt == null) {
        nextAttempt = now.plus(backoff.next());
      }
      if (code == NvmlReturn.GPU_IS_LOST || code == NvmlReturn.GPU_NOT_FOUND) {
        reading.remove(g--);
        problems.add("GPU " + gpu.index() + " (" + gpu.attributes().getString(GpuIdentityField.UUID.attribute())
            + ", " + gpu.attributes().getString(GpuIdentityField.PCI_BUS_ID.attribute()) + "): "
            + session.describe(code) + " (" + code + ")");
      } else {
        // NVML itself went away (driver unloaded, library replaced): no GPU can be read until it is back.
        sessionProblem = "NVML: " + session.describe(code) + " (" + code + ") while reading GPU " + gpu.index();
        closeSession();
        report();
        break;
      }
      report();
    }
    gpusReporting = reading.size();
    expectedPoints = Math.max(expectedPoints, points.size());
    return points.isEmpty() ? null : new MetricBatch(Resource.empty(), points);
  }

  /** Returns how long until NVML is to be initialised again, or null when it need not be. */
  Duration untilInitialisation() {
    if (nextAttempt == null) {
      return null;
    }
    Duration left = Duration.between(clock.instant(), nextAttempt);
    return left.isNegative() ? Duration.ZERO : left;
  }

  @Override
  public void close() {
    closeSession();
  }

  private void closeSession() {
    reading.clear();
    problems.clear();
    if (session != null) {
      try {
        session.close();
      } finally {
        session = null;
      }
    }
  }

  private void lifecycleError(NvmlReturn code) {
    lifecycleErrors.computeIfAbsent(code, c -> telemetry.counter("lifecycle_errors",
        "NVML or GPU failures that need NVML to be initialised again, by nvmlReturn_t name",
        Map.of("code", c.name()))).increment();
  }

  private void report() {
    ComponentStatus status;
    if (session == null) {
      status = ComponentStatus.down(sessionProblem);
    } else if (!problems.isEmpty()) {
      int total = reading.size() + problems.size();
      status = ComponentStatus.down("NVML: " + String.join("; ", problems)
          + (reading.isEmpty() ? "" : "; " + reading.size() + " of " + total + " GPUs reporting"));
    } else {
      status = ComponentStatus.ok();
    }
    if (!status.equals(reported)) {
      reportTo.accept(status);
      reported = status;
    }
  }
}
