package dev.gputel.exporter.prometheus;

import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.xid.XidAttributes;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Counts the Xid events that reach the exporter, per GPU, Xid and severity, since the agent
 * started. The xid-classifier processor gives events their {@code xid.code}, severity and GPU;
 * events without a code (other kernel lines, SXids) and the classifier's repeated fallen-off-the-bus
 * reports are not counted, nor is an event whose id was counted already (the same line read twice).
 * A GPU's counts outlive its metrics: the GPU that fell off the bus is the one to alert on.
 */
final class XidCounts {
  /** Far more than GPUs x Xids x severities on one host; garbage cannot grow the endpoint without bound. */
  static final int MAX_SERIES = 2000;
  private static final int RECENT_IDS = 4096;

  private final Naming naming;
  private final GpuLabeler labeler;
  private final Map<Labels, AtomicLong> counts = new ConcurrentHashMap<>();
  private final Map<Labels, Long> lastXid = new ConcurrentHashMap<>();
  private final Set<String> recentIds = Collections.newSetFromMap(new LinkedHashMap<>(RECENT_IDS, 0.75f, false) {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
      return size() > RECENT_IDS;
    }
  });

  XidCounts(Naming naming, GpuLabeler labeler) {
    this.naming = naming;
    this.labeler = labeler;
  }

  /** Counts the batch's Xid events; returns how many it counted. */
  int count(EventBatch batch) {
    int counted = 0;
    for (Event event : batch.events()) {
      if (!(event.attributes().get(XidAttributes.XID_CODE) instanceof Long code)
          || Boolean.TRUE.equals(event.attributes().get(XidAttributes.DUPLICATE)) || !firstTime(event.id())) {
        continue;
      }
      String severity = event.attributes().getString(XidAttributes.SEVERITY);
      Labels gpu = labeler.series(event.attributes(), batch.resource());
      Labels labels = gpu.add("xid", code.toString()).add("severity", severity != null ? severity : event.severity().name());
      AtomicLong count = counts.get(labels);
      if (count == null) {
        if (counts.size() >= MAX_SERIES) {
          continue;
        }
        count = counts.computeIfAbsent(labels, l -> new AtomicLong());
      }
      count.incrementAndGet();
      lastXid.put(gpu, code);
      counted++;
    }
    return counted;
  }

  private boolean firstTime(String id) {
    synchronized (recentIds) {
      return recentIds.add(id);
    }
  }

  /** Returns the counts, and for dcgm naming each GPU's last Xid, as snapshots; empty before the first Xid. */
  List<MetricSnapshot> snapshots() {
    if (counts.isEmpty()) {
      return List.of();
    }
    Map<Labels, Double> values = new TreeMap<>();
    counts.forEach((labels, count) -> values.put(labels, (double) count.get()));
    List<MetricSnapshot> snapshots = new ArrayList<>(2);
    if (naming == Naming.PROMETHEUS) {
      snapshots.add(Snapshots.of(new Family("nvidia_gpu_xid_errors",
          "NVIDIA Xid errors by GPU, Xid and severity, counted since the agent started", Family.Type.COUNTER,
          null, 1), values));
    } else {
      snapshots.add(Snapshots.of(new Family("DCGM_EXP_XID_ERRORS_COUNT",
          "Count of Xid errors by GPU, Xid and severity since the agent started (not over a window)",
          Family.Type.GAUGE, null, 1), values));
      Map<Labels, Double> last = new TreeMap<>();
      lastXid.forEach((labels, code) -> last.put(labels, code.doubleValue()));
      snapshots.add(Snapshots.of(new Family("DCGM_FI_DEV_XID_ERRORS",
          "Value of the last Xid error encountered", Family.Type.GAUGE, null, 1), last));
    }
    return snapshots;
  }
}
