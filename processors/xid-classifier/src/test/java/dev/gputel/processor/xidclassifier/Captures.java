package dev.gputel.processor.xidclassifier;

import dev.gputel.spi.data.Attributes;
import dev.gputel.spi.data.Event;
import dev.gputel.spi.data.Severity;
import dev.gputel.testing.CaptureFiles;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The real kernel-log lines of config/captures/kernel-log (see PROVENANCE.md there), as events. */
final class Captures {
  static final Path XID_LINES = CaptureFiles.folder("kernel-log").resolve("xid-lines.log");
  static final Instant START = Instant.parse("2026-07-14T08:00:00Z");

  private Captures() {}

  static List<String> lines() {
    return CaptureFiles.lines(XID_LINES);
  }

  /** Every line as the replay receiver sends it: INFO, one second apart, id "line-N". */
  static List<Event> events() {
    List<String> lines = lines();
    List<Event> events = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      events.add(new Event(START.plusSeconds(i), Severity.INFO, lines.get(i),
          Attributes.of("log.file.line", (long) (i + 1)), "line-" + (i + 1)));
    }
    return events;
  }
}
