package dev.gputel.processor.xidclassifier;

import dev.gputel.spi.component.Counter;
import dev.gputel.spi.component.Telemetry;
import dev.gputel.spi.data.Severity;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The per-GPU Xid counts, published as self-telemetry: {@code
 * gputel_processor_xid_events_total{processor="xid-classifier", gpu_pci_bus_id="00000000:3B:00.0",
 * xid="79", severity="FATAL"}} and {@code gputel_processor_sxid_events_total{..., sxid="20034"}}. A
 * processor cannot put points into a metrics pipeline, so the counts travel with the agent's own
 * metrics (Prometheus {@code /metrics}). Label sets are capped: garbage lines naming endless devices
 * cannot grow the registry without bound.
 */
final class XidCounters {
  /** Far more than GPUs x codes x severities on one host. */
  private static final int MAX_SERIES = 2000;
  private static final String OVERFLOW = "other";

  private record Key(String name, String device, int code, Severity severity) {}

  private final Telemetry telemetry;
  private final Map<Key, Counter> counters = new ConcurrentHashMap<>();

  XidCounters(Telemetry telemetry) {
    this.telemetry = telemetry;
  }

  void xid(String device, int code, Severity severity) {
    count(new Key("xid", device, code, severity));
  }

  void sxid(String device, int code, Severity severity) {
    count(new Key("sxid", device, code, severity));
  }

  private void count(Key key) {
    Counter counter = counters.get(key);
    if (counter == null) {
      Key bounded = counters.size() < MAX_SERIES ? key : new Key(key.name(), OVERFLOW, -1, key.severity());
      counter = counters.computeIfAbsent(bounded, this::create);
    }
    counter.increment();
  }

  private Counter create(Key key) {
    String help = key.name().equals("xid")
        ? "NVIDIA Xid events by GPU PCI address, Xid and severity"
        : "NVIDIA SXid events by NVSwitch PCI address, SXid and severity";
    return telemetry.counter(key.name() + "_events", help, Map.of(
        key.name().equals("xid") ? "gpu_pci_bus_id" : "nvswitch_pci_bus_id", key.device(),
        key.name(), key.code() < 0 ? OVERFLOW : Integer.toString(key.code()),
        "severity", key.severity().name()));
  }
}
