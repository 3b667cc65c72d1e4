package dev.gputel.receiver.kernellog;

import dev.gputel.xid.KernelEventId;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Kernel messages of one boot as journal entries, each a millisecond of kernel time after the
 * last: the real captures' lines, verbatim (prefixes included), as MESSAGE.
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

  /** Every line of the capture, each followed by a real line of another driver. */
  List<ExportEntry> captureWithNoise() {
    List<ExportEntry> entries = new ArrayList<>();
    List<String> lines = Captures.xidLines();
    List<String> background = Captures.background();
    for (int i = 0; i < lines.size(); i++) {
      entries.add(entry(lines.get(i)));
      entries.add(entry(background.get(i % background.size())));
    }
    return entries;
  }

  /** The id the receiver must give an entry: gputel-xid's hash of boot id, kernel µs and message. */
  static String expectedId(ExportEntry entry) {
    return KernelEventId.of(entry.bootId(), entry.monotonicMicros(), MessageText.decode(entry.message()));
  }

  static String text(ExportEntry entry) {
    return new String(entry.message(), StandardCharsets.UTF_8);
  }

  static String bootId(char digit) {
    return String.valueOf(digit).repeat(32);
  }
}
