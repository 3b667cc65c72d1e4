package dev.gputel.exporter.prometheus;

import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.EventBatch;
import dev.gputel.spi.data.Resource;
import dev.gputel.spi.data.Severity;
import java.util.List;

/** Xid events as the xid-classifier processor leaves them (attribute keys of XidAttributes). */
final class TestXids {
  private TestXids() {}

  static Event xid(String id, int gpu, long code, String severity) {
    Attributes attributes = TestGpus.gpu(gpu).toBuilder()
        .put("log.kind", "xid").put("xid.code", code).put("xid.severity", severity).build();
    return new Event(TestGpus.T, Severity.valueOf(severity),
        "NVRM: Xid (PCI:0000:0" + gpu + ":00): " + code + ", pid=1234, name=python", attributes, id);
  }

  static EventBatch batch(Event... events) {
    return new EventBatch(Resource.empty(), List.of(events));
  }
}
