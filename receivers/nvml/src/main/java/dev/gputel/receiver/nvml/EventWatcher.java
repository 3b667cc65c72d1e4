package dev.gputel.receiver.nvml;

import dev.gputel.spi.component.ComponentStatus;
import dev.gputel.spi.component.Counter;
import dev.gputel.spi.component.RestartBackoff;
import dev.gputel.spi.component.Telemetry;
import dev.gputel.spi.consumer.EventsConsumer;
import dev.gputel.spi.data.Event;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * Watches NVML's event API on a thread of its own: waits on the event set up to a second at a time
 * (a TIMEOUT is no event), hands what arrives to the pipelines, frees and rebuilds the set when a
 * wait fails, and initialises NVML again when that fails with a lifecycle error or a GPU is missing,
 * with backoff. Stopping takes at most one wait.
 */
final class EventWatcher {
  static final int WAIT_MS = 1000;
  /** Events read without waiting after the first, so that a burst travels as one batch. */
  private static final int MAX_BATCH = 256;
  private static final Path BOOT_ID = Path.of("/proc/sys/kernel/random/boot_id");

  private final NvmlConfig config;
  private final String threadName;
  private final Clock clock;
  private final Telemetry telemetry;
  private final Logger log;
  private final Consumer<ComponentStatus> status;
  private final EventDelivery delivery;
  private final NvmlEvents events = new NvmlEvents(NvmlEvents.readBootId(BOOT_ID));
  private final RestartBackoff reinitBackoff;
  private final RestartBackoff rebuildBackoff;
  private final CountDownLatch stop = new CountDownLatch(1);
  private final Counter rebuilds;
  private final Map<NvmlEventType, Counter> received = new EnumMap<>(NvmlEventType.class);
  private volatile int watching;
  private EventSession session;
  private Instant nextReinit;
  private Thread thread;

  EventWatcher(NvmlConfig config, String threadName, Clock clock, Telemetry telemetry, Logger log,
      Consumer<ComponentStatus> status, EventsConsumer next) {
    this.config = config;
    this.threadName = threadName;
    this.clock = clock;
    this.telemetry = telemetry;
    this.log = log;
    this.status = status;
    this.reinitBackoff = new RestartBackoff(config.reinitInitialBackoff(), config.reinitMaxBackoff());
    this.rebuildBackoff = new RestartBackoff(config.reinitInitialBackoff(), config.reinitMaxBackoff());
    this.delivery = new EventDelivery(next, telemetry.counter("events_dropped",
        "NVML events dropped because the pipelines refused them for longer than the receiver can hold them"), log);
    this.rebuilds = telemetry.counter("event_set_rebuilds", "Times the NVML event set was freed and registered again");
    telemetry.gauge("event_gpus", "GPUs whose NVML events are watched", () -> watching);
  }

  void start() {
    thread = Thread.ofPlatform().daemon().name(threadName).start(this::run);
  }

  /** Stops the thread; returns false when it is still in a driver call after {@code timeout}. */
  boolean stop(Duration timeout) throws InterruptedException {
    stop.countDown();
    return thread == null || thread.join(timeout);
  }

  private void run() {
    try {
      while (stop.getCount() > 0) {
        if (session == null || (nextReinit != null && !clock.instant().isBefore(nextReinit))) {
          if (!open()) {
            continue;
          }
        }
        NvmlReturn code = session.await(WAIT_MS);
        if (code == NvmlReturn.SUCCESS) {
          code = readBurst(session, true);
        } else {
          delivery.retry();
        }
        if (code == NvmlReturn.TIMEOUT) {
          rebuildBackoff.reset();
        } else if (code != NvmlReturn.SUCCESS) {
          waitFailed(code);
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      log.error("NVML event thread failed; no more NVML events until the agent restarts", e);
      report(ComponentStatus.down("NVML events: the event thread failed: " + e));
    } finally {
      closeSession();
    }
  }

  /**
   * Reads the events queued on {@code from} without waiting (after the one just waited for, when
   * {@code haveOne}) and delivers them as one batch; returns the last answer, SUCCESS when the
   * batch is full and more may be queued.
   */
  private NvmlReturn readBurst(EventSession from, boolean haveOne) {
    List<Event> burst = new ArrayList<>();
    NvmlReturn code = haveOne ? NvmlReturn.SUCCESS : from.await(0);
    while (code == NvmlReturn.SUCCESS) {
      EventSession.RawEvent raw = from.event();
      NvmlEventType type = NvmlEventType.of(raw.type());
      if (type != null) {
        received.computeIfAbsent(type, t -> telemetry.counter("events_received", "NVML events read, by type",
            Map.of("type", t.nvmlName()))).increment();
      }
      burst.add(events.toEvent(raw, clock.instant()));
      if (burst.size() == MAX_BATCH) {
        break;
      }
      code = from.await(0);
    }
    if (!burst.isEmpty()) {
      delivery.deliver(burst);
    }
    return code;
  }

  /**
   * Opens NVML for events; when that fails, reports it and waits out the backoff. Opening again
   * while a session runs (for a GPU that is missing) is make-before-break: the running set keeps
   * receiving until the new one is registered, then what it still holds is read and it is closed.
   * No event is lost; one raised in the instant both sets are registered arrives twice.
   */
  private boolean open() throws InterruptedException {
    EventSession previous = session;
    nextReinit = null;
    EventSession opened;
    try {
      opened = EventSession.open(config.library(), log);
    } catch (NvmlUnavailableException e) {
      error("open", e.code());
      Duration wait = reinitBackoff.next();
      if (previous != null) {
        log.warn("NVML events: initialising NVML again failed ({}); still watching {} GPUs", e.getMessage(), watching);
        nextReinit = clock.instant().plus(wait);
        return true;
      }
      report(ComponentStatus.down("NVML events: " + e.getMessage()));
      pause(wait);
      return false;
    }
    session = opened;
    if (previous != null) {
      while (readBurst(previous, false) == NvmlReturn.SUCCESS) {
        // more than one batch was queued
      }
      previous.close();
    }
    if (session.watched().isEmpty() && session.missing().isEmpty() && session.counted() > 0) {
      log.info("no GPU supports the NVML events watched; not watching");
      report(ComponentStatus.ok());
      stop.countDown(); // nothing to wait for: the thread ends, and stopping it later finds it done
      return false;
    }
    registered();
    return true;
  }

  /** Frees and rebuilds the set after the backoff; NVML is initialised again when that fails too. */
  private void waitFailed(NvmlReturn code) throws InterruptedException {
    error("wait", code);
    log.warn("{} failed: {} ({}); rebuilding the event set", session.symbol(NvmlFunction.EVENT_SET_WAIT),
        session.describe(code), code);
    if (code.kind() == NvmlReturn.Kind.LIFECYCLE && code != NvmlReturn.GPU_IS_LOST && code != NvmlReturn.GPU_NOT_FOUND) {
      report(ComponentStatus.down("NVML events: " + session.symbol(NvmlFunction.EVENT_SET_WAIT) + " failed: "
          + session.describe(code) + " (" + code + ")"));
      closeSession();
      pause(reinitBackoff.next());
      return;
    }
    pause(rebuildBackoff.next());
    if (stop.getCount() == 0) {
      return;
    }
    rebuilds.increment();
    try {
      session.rebuild(log);
      registered();
    } catch (NvmlUnavailableException e) {
      error("rebuild", e.code());
      report(ComponentStatus.down("NVML events: " + e.getMessage()));
      closeSession();
    }
  }

  /** After the set was registered: the status, and when to initialise again for GPUs that are missing. */
  private void registered() {
    watching = session.watched().size();
    List<String> problems = new ArrayList<>();
    session.missing().forEach(gpu -> problems.add("GPU " + gpu.index() + ": " + gpu.reason()));
    if (session.counted() == 0) {
      problems.add("no GPUs found");
    }
    if (problems.isEmpty()) {
      reinitBackoff.reset();
      nextReinit = null;
      report(ComponentStatus.ok());
    } else {
      nextReinit = clock.instant().plus(reinitBackoff.next());
      report(ComponentStatus.down("NVML events: " + String.join("; ", problems) + "; "
          + watching + " of " + session.counted() + " GPUs watched"));
    }
    log.info("NVML events: watching {} of {} GPUs", watching, session.counted());
  }

  private void pause(Duration delay) throws InterruptedException {
    stop.await(delay.toNanos(), TimeUnit.NANOSECONDS);
  }

  private void error(String call, NvmlReturn code) {
    telemetry.counter("event_errors",
        "Failed NVML event work (wait, open: initialise and register, rebuild), by nvmlReturn_t name",
        Map.of("call", call, "code", code.name())).increment();
  }

  private void report(ComponentStatus value) {
    status.accept(value);
  }

  private void closeSession() {
    watching = 0;
    if (session != null) {
      try {
        session.close();
      } finally {
        session = null;
      }
    }
  }
}
