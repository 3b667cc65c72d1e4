package dev.gputel.exporter.cloudwatchlogs;

import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.Resource;
import dev.gputel.spi.data.Severity;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * SYNTHETIC classified Xid events for the tests: the kernel line layout of the r535+ driver and the
 * attributes the xid-classifier processor adds, with made-up pids, times and ids. Not a capture.
 */
final class XidEvents {
  static final Resource HOST = Resource.empty().merge(Attributes.builder()
      .put("host.id", "i-0abc1234def567890").put("host.name", "gpu-node-7")
      .put("cloud.region", "us-east-1").put("cloud.account.id", "123456789012").build());

  private XidEvents() {}

  /** {@code count} events on GPUs 0-7, {@code step} apart from {@code start}, ids {@code prefix-N}. */
  static EventBatch batch(String prefix, int count, Instant start, Duration step) {
    List<Event> events = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      events.add(event(prefix + "-" + i, start.plus(step.multipliedBy(i)), i % 8, 1000 + i));
    }
    return new EventBatch(HOST, events);
  }

  static Event event(String id, Instant time, int gpu, int pid) {
    String bus = String.format("0000:%02x:00", 0x10 + gpu * 0x10);
    String body = "NVRM: Xid (PCI:" + bus + "): 79, pid=" + pid + ", name=python, GPU has fallen off the bus.";
    Attributes attributes = Attributes.builder()
        .put("log.kind", "xid").put("xid.code", 79L).put("xid.pci", bus)
        .put("gpu.pci.bus_id", "0000" + bus.toUpperCase(java.util.Locale.ROOT) + ".0")
        .put("gpu.index", (long) gpu).put("xid.known", true)
        .put("xid.mnemonic", "ROBUST_CHANNEL_GPU_HAS_FALLEN_OFF_THE_BUS")
        .put("xid.description", "GPU has fallen off the bus").put("xid.severity", "FATAL")
        .put("xid.action.immediate", "RESET_GPU").put("process.pid", (long) pid)
        .put("process.executable.name", "python").build();
    return new Event(time, Severity.FATAL, body, attributes, id);
  }
}
