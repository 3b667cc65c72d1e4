package dev.gputel.receiver.kernellog;

import dev.gputel.spi.component.Counter;
import dev.gputel.spi.component.Telemetry;

/** The receiver's own counters, published as gputel_receiver_*_total{receiver="kernel-log"}. */
final class ReceiverMetrics {
  final Counter linesRead;
  final Counter linesKept;
  final Counter eventsEmitted;
  final Counter eventsRefused;
  final Counter sourceRestarts;
  final Counter kmsgOverruns;
  final Counter kmsgMissedRecords;
  final Counter badLines;
  final Counter positionResets;
  final Counter fileRotations;

  ReceiverMetrics(Telemetry telemetry) {
    linesRead = telemetry.counter("lines_read", "Kernel log lines read from the source");
    linesKept = telemetry.counter("lines_kept", "Lines that passed the prefilter (NVRM, NVSwitch) and became events");
    eventsEmitted = telemetry.counter("events_emitted", "Events the pipelines accepted");
    eventsRefused = telemetry.counter("events_refused",
        "Events the pipelines refused (a durable exporter's spool was full); each is offered again");
    sourceRestarts = telemetry.counter("source_restarts",
        "Times the source failed or ended (journalctl exited, a file vanished) and was opened again");
    kmsgOverruns = telemetry.counter("kmsg_overruns",
        "Reads of /dev/kmsg that failed with EPIPE: the ring buffer overwrote records before they were read");
    kmsgMissedRecords = telemetry.counter("kmsg_missed_records",
        "Kernel records skipped over, by their sequence numbers: lost to an overrun or while the agent was down");
    badLines = telemetry.counter("bad_lines",
        "Lines that could not be read (malformed kmsg record or journal JSON, over-long line) and were skipped");
    positionResets = telemetry.counter("position_resets",
        "Saved positions that could not be used (unreadable state, unknown cursor) so reading began at start-at");
    fileRotations = telemetry.counter("file_rotations",
        "Followed files found rotated (renamed and recreated) or truncated (copytruncate)");
  }
}
