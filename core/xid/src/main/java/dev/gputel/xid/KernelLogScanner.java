package dev.gputel.xid;

import java.util.ArrayList;
import java.util.List;

/**
 * Parses kernel-log text line by line (a dmesg or syslog file, {@code gputel xid parse}), joining
 * the one multi-line message that matters: the driver prints {@code The NVIDIA GPU 0000:b3:00.0 /
 * (PCI ID: ...) installed in this system has / fallen off the bus and is not responding to
 * commands.} as one kernel record, which text logs split over three lines, the first without the
 * words "fallen off". Receivers that read whole records (the journal, /dev/kmsg) pass the record to
 * {@link KernelLineParser} instead. Not thread-safe: one scanner per input.
 */
public final class KernelLogScanner {
  private static final String BANNER = "The NVIDIA GPU ";
  /** Lines that may follow the banner's first line before its "fallen off" line. */
  private static final int CONTINUATION_LINES = 2;

  /** A recognised line and its 1-based line number in the input. */
  public record Found(long line, ParsedLine parsed) {}

  private final List<Found> held = new ArrayList<>();
  private final StringBuilder banner = new StringBuilder();
  private long lineNumber;

  /** Reads the next line; returns what it and any lines held before it turned out to be. */
  public List<Found> next(String line) {
    lineNumber++;
    ParsedLine parsed = KernelLineParser.parse(line).orElse(null);
    if (!held.isEmpty()) {
      if (parsed instanceof OtherNvrmLine other) {
        held.add(new Found(lineNumber, parsed));
        banner.append('\n').append(other.message());
        if (other.message().contains("fallen off the bus")) {
          return resolve(true);
        }
        if (held.size() <= CONTINUATION_LINES) {
          return List.of();
        }
        return resolve(false);
      }
      List<Found> released = resolve(false);
      List<Found> all = new ArrayList<>(released);
      all.addAll(next(parsed));
      return all;
    }
    return next(parsed);
  }

  /** Returns what is still held at the end of the input. */
  public List<Found> end() {
    return held.isEmpty() ? List.of() : resolve(false);
  }

  private List<Found> next(ParsedLine parsed) {
    if (parsed == null) {
      return List.of();
    }
    if (parsed instanceof OtherNvrmLine other && other.message().startsWith(BANNER)
        && !other.message().contains("fallen off")) {
      held.add(new Found(lineNumber, parsed));
      banner.setLength(0);
      banner.append(other.message());
      return List.of();
    }
    return List.of(new Found(lineNumber, parsed));
  }

  /** Releases the held lines; when the banner was completed, its first line becomes the Xid 79. */
  private List<Found> resolve(boolean fellOff) {
    List<Found> out = new ArrayList<>(held);
    if (fellOff) {
      Found first = held.getFirst();
      FellOffBusLine fell = FallenOffBusText.parse(banner.toString(), 0, first.parsed().prefix());
      if (fell != null) {
        out.set(0, new Found(first.line(), fell));
      }
    }
    held.clear();
    banner.setLength(0);
    return out;
  }
}
