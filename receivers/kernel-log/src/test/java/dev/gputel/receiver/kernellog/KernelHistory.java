package dev.gputel.receiver.kernellog;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Kernel messages of one boot as journal entries, each a millisecond of kernel time after the
 * last: the real capture's lines, verbatim, with a synthetic noise line after each.
 */
final class KernelHistory {
  private final String bootId;
  private long micros;

  KernelHistory(String bootId, long firstMicros) {
    this.bootId = bootId;
    this.micros = firstMicros;
  }

  ExportEntry entry(String message) {
    micros += 1000;
    return ExportEntry.of(bootId, micros, message);
  }

  /** The capture's 58 lines with a noise line after each: 116 entries, 52 of them NVIDIA lines. */
  List<ExportEntry> captureWithNoise() {
    List<ExportEntry> entries = new ArrayList<>();
    List<String> lines = Captures.xidLines();
    for (int i = 0; i < lines.size(); i++) {
      entries.add(entry(lines.get(i)));
      entries.add(entry(Captures.NOISE.get(i % Captures.NOISE.size())));
    }
    return entries;
  }

  /** The id the receiver must give an entry: boot id, kernel µs, message hash. */
  static String expectedId(ExportEntry entry) {
    return EventIds.of(KernelLine.kernelOrigin(entry.bootId(), entry.monotonicMicros()), entry.message());
  }

  static String text(ExportEntry entry) {
    return new String(entry.message(), StandardCharsets.UTF_8);
  }

  static String bootId(char digit) {
    return String.valueOf(digit).repeat(32);
  }
}
