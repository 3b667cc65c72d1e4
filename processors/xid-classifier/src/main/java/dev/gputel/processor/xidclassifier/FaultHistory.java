package dev.gputel.processor.xidclassifier;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the processor remembers per GPU (per NVSwitch for SXids) between events: the current burst,
 * the last Xid (for the Xid 154 that names its recovery), the last Xid 79 (to count a fall off the
 * bus once when the driver reports it twice, with and without an Xid number), and the Xids not yet
 * seen from both the kernel log and NVML (to count each once). A duplicate joins the burst without
 * advancing its count. Thread-safe.
 */
final class FaultHistory {
  /** More devices than any host has; the eldest is forgotten beyond it. */
  private static final int MAX_DEVICES = 1024;
  private static final int FELL_OFF = 79;
  private static final int RECOVERY = 154;

  /** What an event turned out to be, against what came before it on the same device. */
  record Outcome(String burstId, long burstCount, Integer recoveryForXid, boolean duplicate) {}

  private final class DeviceState {
    final SourcePairing sources = new SourcePairing(nvmlWindow);
    Instant lastEvent;
    String burstId;
    long burstCount;
    Integer lastXid;
    Instant last79;
    boolean last79Inferred;
  }

  private final Duration silenceGap;
  private final Duration fallenOffWindow;
  private final Duration nvmlWindow;
  private final Map<String, DeviceState> devices = new LinkedHashMap<>(16, 0.75f, true) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, DeviceState> eldest) {
      return size() > MAX_DEVICES;
    }
  };

  FaultHistory(Duration silenceGap, Duration fallenOffWindow, Duration nvmlWindow) {
    this.silenceGap = silenceGap;
    this.fallenOffWindow = fallenOffWindow;
    this.nvmlWindow = nvmlWindow;
  }

  /**
   * Records event {@code eventId} at {@code time}, Xid (or SXid) {@code code} on {@code device};
   * {@code inferred} marks an Xid 79 read from fallen-off-the-bus text, {@code fromNvml} an Xid that
   * NVML reported rather than the kernel log.
   */
  synchronized Outcome record(String device, String eventId, Instant time, int code, boolean inferred,
      boolean fromNvml) {
    DeviceState state = devices.computeIfAbsent(device, key -> new DeviceState());
    boolean duplicate = false;
    if (code == FELL_OFF) {
      duplicate = state.last79 != null && state.last79Inferred != inferred && within(state.last79, time, fallenOffWindow);
      if (!duplicate) {
        state.last79 = time;
        state.last79Inferred = inferred;
      }
    }
    if (!duplicate) {
      duplicate = state.sources.duplicate(code, time, fromNvml);
    }
    boolean newBurst = state.lastEvent == null || !within(state.lastEvent, time, silenceGap);
    if (newBurst) {
      state.burstId = eventId;
      state.burstCount = 0;
    }
    if (newBurst || !duplicate) {
      state.burstCount++;
    }
    state.lastEvent = state.lastEvent == null || time.isAfter(state.lastEvent) ? time : state.lastEvent;
    Integer recoveryFor = null;
    if (code == RECOVERY) {
      recoveryFor = state.lastXid;
    } else if (!duplicate) {
      state.lastXid = code;
    }
    return new Outcome(state.burstId, state.burstCount, recoveryFor, duplicate);
  }

  private static boolean within(Instant earlier, Instant time, Duration window) {
    return Duration.between(earlier, time).abs().compareTo(window) <= 0;
  }
}
