package dev.gputel.receiver.emf;

import dev.gputel.receiver.emf.EmfDocument.Problem;
import dev.gputel.spi.component.Counter;
import dev.gputel.spi.component.Telemetry;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;

/**
 * Counts dropped documents by transport and reason, and warns about them at most once per reason
 * and transport every 10 seconds, naming the peer and what was wrong, with how many were dropped
 * since the last warning: a client sending garbage in a loop must not flood the agent's log.
 */
final class Drops {
  static final Duration WARN_INTERVAL = Duration.ofSeconds(10);

  private final Logger log;
  private final Clock clock;
  private final Map<Transport, Map<Problem, Counter>> counters = new EnumMap<>(Transport.class);
  private final Map<Transport, Map<Problem, Warning>> warnings = new EnumMap<>(Transport.class);

  private static final class Warning {
    long lastMillis = Long.MIN_VALUE;
    long suppressed;
  }

  Drops(Telemetry telemetry, Clock clock, Logger log) {
    this.log = log;
    this.clock = clock;
    for (Transport transport : Transport.values()) {
      Map<Problem, Counter> byReason = new EnumMap<>(Problem.class);
      Map<Problem, Warning> warned = new EnumMap<>(Problem.class);
      for (Problem problem : Problem.values()) {
        byReason.put(problem, telemetry.counter("documents_dropped",
            "EMF documents dropped: invalid_json, not_emf (JSON without _aws), too_large (over "
                + "max-document-size), refused (the pipeline's spool was full; UDP only)",
            Map.of("transport", transport.label(), "reason", problem.label())));
        warned.put(problem, new Warning());
      }
      counters.put(transport, byReason);
      warnings.put(transport, warned);
    }
  }

  /** Counts {@code count} documents from {@code peer} dropped for {@code problem}, and maybe warns. */
  void drop(Transport transport, Problem problem, int count, String peer, String detail) {
    counters.get(transport).get(problem).add(count);
    Warning warning = warnings.get(transport).get(problem);
    long now = clock.millis();
    long suppressed;
    synchronized (warning) {
      if (warning.lastMillis != Long.MIN_VALUE && now - warning.lastMillis < WARN_INTERVAL.toMillis()) {
        warning.suppressed += count;
        return;
      }
      suppressed = warning.suppressed;
      warning.suppressed = 0;
      warning.lastMillis = now;
    }
    log.warn("dropped {} EMF document(s) from {} over {} ({}): {}{}", count, peer, transport.label(),
        problem.label(), detail, suppressed == 0 ? ""
            : " (and " + suppressed + " more for that reason in the last " + WARN_INTERVAL.toSeconds() + " s)");
  }
}
