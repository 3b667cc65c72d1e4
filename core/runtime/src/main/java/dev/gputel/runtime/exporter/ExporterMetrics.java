package dev.gputel.runtime.exporter;

import dev.gputel.runtime.telemetry.ComponentTelemetry;
import dev.gputel.spi.component.Counter;
import dev.gputel.spi.data.Signal;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** The standard {@code gputel_exporter_*} series of one exporter, per signal. */
public final class ExporterMetrics {
  private final ComponentTelemetry telemetry;
  private final Clock clock;
  private final Map<Signal, Counter> accepted = new EnumMap<>(Signal.class);
  private final Map<Signal, Counter> refused = new EnumMap<>(Signal.class);
  private final Map<Signal, Counter> sent = new EnumMap<>(Signal.class);
  private final Map<Signal, Counter> failed = new EnumMap<>(Signal.class);
  private final Map<String, Counter> dropped = new ConcurrentHashMap<>();
  private final Counter retries;
  private volatile double lastSuccessSeconds;

  public ExporterMetrics(ComponentTelemetry telemetry, Clock clock) {
    this.telemetry = telemetry;
    this.clock = clock;
    for (Signal signal : Signal.values()) {
      Map<String, String> labels = Map.of("signal", signal.id());
      accepted.put(signal, telemetry.counter("accepted_items",
          "Items (points or events) taken into the exporter's queue or spool", labels));
      refused.put(signal, telemetry.counter("refused_items",
          "Items the exporter could not take (spool full, stopping); the receiver was told", labels));
      sent.put(signal, telemetry.counter("sent_items", "Items the destination accepted", labels));
      failed.put(signal, telemetry.counter("failed_items",
          "Items in send attempts that failed (each retry counts again)", labels));
    }
    retries = telemetry.counter("retries", "Send attempts that were retries of an earlier failure");
    telemetry.gauge("last_success_timestamp_seconds",
        "Unix time of the last batch the destination accepted (0: none yet)", () -> lastSuccessSeconds);
  }

  void accepted(Signal signal, int items) {
    accepted.get(signal).add(items);
  }

  void refused(Signal signal, int items) {
    refused.get(signal).add(items);
  }

  void sent(Signal signal, int items) {
    sent.get(signal).add(items);
    lastSuccessSeconds = clock.millis() / 1000.0;
  }

  void failed(Signal signal, int items) {
    failed.get(signal).add(items);
  }

  void retried() {
    retries.increment();
  }

  /** Counts items dropped for good, by reason: queue_full, permanent_error, retries_exhausted, shutdown. */
  void dropped(Signal signal, DropReason reason, int items) {
    dropped.computeIfAbsent(signal.id() + "/" + reason.id(), key -> telemetry.counter("dropped_items",
            "Items dropped for good, by reason", Map.of("signal", signal.id(), "reason", reason.id())))
        .add(items);
  }

  ComponentTelemetry telemetry() {
    return telemetry;
  }
}
