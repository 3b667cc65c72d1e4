package dev.gputel.benchmarks.xid;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Benchmark inputs built from the real captures in config/captures/kernel-log (see PROVENANCE.md):
 * a "realistic kernel log" is background-lines.log (48 real lines of other drivers) cycled, with one
 * real NVIDIA line (an {@code NVRM} or {@code SXid} line of xid-lines.log, cycled) after every 99.
 * The lines are real; their mix is assembled, not captured.
 */
final class KernelLogs {
  static final String XID_LINES = "config/captures/kernel-log/xid-lines.log";
  static final String BACKGROUND_LINES = "config/captures/kernel-log/background-lines.log";

  private KernelLogs() {}

  /** Returns {@code size} lines, {@code nvidiaEvery}-th of them an NVIDIA driver line. */
  static String[] realistic(int size, int nvidiaEvery) {
    List<String> background = read(BACKGROUND_LINES);
    List<String> nvidia = read(XID_LINES).stream().filter(l -> l.contains("NVRM") || l.contains("SXid")).toList();
    String[] log = new String[size];
    int b = 0;
    int n = 0;
    for (int i = 0; i < size; i++) {
      log[i] = (i + 1) % nvidiaEvery == 0 ? nvidia.get(n++ % nvidia.size()) : background.get(b++ % background.size());
    }
    return log;
  }

  static List<String> read(String path) {
    try {
      return new ArrayList<>(Files.readAllLines(Path.of(path)));
    } catch (IOException e) {
      throw new UncheckedIOException("run from the repository root (" + path + ")", e);
    }
  }
}
