package dev.gputel.receiver.nvidiasmi;

import java.time.Duration;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Runs an action unless it is re-armed in time: each complete sample re-arms it, so it fires only
 * when nvidia-smi has gone quiet for the whole timeout. A timer task rather than a polling loop: it
 * costs nothing between samples.
 */
final class Watchdog {
  private final ScheduledExecutorService timer;
  private final Duration timeout;
  private final Runnable onExpiry;
  private ScheduledFuture<?> pending;

  Watchdog(ScheduledExecutorService timer, Duration timeout, Runnable onExpiry) {
    this.timer = timer;
    this.timeout = timeout;
    this.onExpiry = onExpiry;
  }

  /** (Re)starts the countdown. */
  synchronized void arm() {
    disarm();
    pending = timer.schedule(onExpiry, timeout.toNanos(), TimeUnit.NANOSECONDS);
  }

  synchronized void disarm() {
    if (pending != null) {
      pending.cancel(false);
      pending = null;
    }
  }
}
